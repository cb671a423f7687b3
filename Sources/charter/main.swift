import ArgumentParser

CharterCommand.main()
