import Testing
@testable import CharterTemplates

/// A template map behaves as a dictionary of names: set, replace, remove and look up, small or large, equal whatever
/// the order its names were set in.
struct TemplateMapTests {
    @Test func namesAreSetReplacedAndRemoved() {
        var map: TemplateMap = ["title": "Forside", "count": 2]
        map["lead"] = "Velkommen"
        map["title"] = "Organer"
        map["count"] = nil
        #expect(map["title"] == "Organer")
        #expect(map["lead"] == "Velkommen")
        #expect(map["count"] == nil)
        #expect(map.count == 2)
        #expect(!map.isEmpty && TemplateMap().isEmpty)
    }

    @Test func aNameGivenTwiceInALiteralKeepsItsLastValue() {
        let map: TemplateMap = ["a": 1, "a": 2]
        #expect(map.count == 1)
        #expect(map["a"] == 2)
    }

    @Test(arguments: [3, TemplateMap.scanLimit, TemplateMap.scanLimit + 1, 200])
    func everyNameIsFoundInMapsOfAnySize(_ size: Int) {
        var map = TemplateMap()
        for number in 0..<size { map["name\(number)"] = .int(number) }
        for number in stride(from: 0, to: size, by: 2) { map["name\(number)"] = nil }
        for number in 0..<size {
            #expect(map["name\(number)"] == (number.isMultiple(of: 2) ? nil : .int(number)), "name\(number)")
        }
        #expect(map["name\(size)"] == nil)
        #expect(map.count == size / 2)
    }

    @Test func mapsAreEqualWhateverTheOrderOfTheirNames() {
        let a: TemplateMap = ["x": 1, "y": ["z": true]]
        var b = TemplateMap()
        b["y"] = ["z": true]
        b["x"] = 1
        #expect(a == b)
        b["x"] = 2
        #expect(a != b)
        #expect(TemplateMap(["x": 1, "y": ["z": true]] as [String: Any]) == a)
    }

    @Test func namesThatDifferOnlyAtTheEndOrInLengthAreToldApart() {
        let map: TemplateMap = ["item": 1, "items": 2, "itemx": 3, "": 4]
        #expect(map["item"] == 1 && map["items"] == 2 && map["itemx"] == 3 && map[""] == 4)
        #expect(map["ite"] == nil)
    }
}
