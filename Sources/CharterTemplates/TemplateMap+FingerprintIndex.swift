extension TemplateMap {
    /// The place of each name of a large map, found from the name's fingerprint without hashing the name: a table of
    /// positions probed from the fingerprint's high bits (the best mixed of a multiplicative hash), one slot after
    /// another until the name or an empty slot. The table is kept at most half full.
    struct FingerprintIndex: Sendable {
        /// Position + 1 of an entry, or 0 for an empty slot; the count is a power of two.
        private var slots: [Int32]
        /// How many bits of the fingerprint to drop to get a slot.
        private var shift: UInt64
        private var used = 0

        /// The index of `entries`, with room for as many again.
        init(_ entries: [Entry]) {
            var bits: UInt64 = 6
            while 1 << bits < entries.count * 2 { bits += 1 }
            slots = Array(repeating: 0, count: 1 << bits)
            shift = 64 - bits
            for (position, entry) in entries.enumerated() { _ = insert(position, fingerprint: entry.fingerprint) }
        }

        /// Where `key` is in `entries`, the entries this index was made for.
        @inline(__always)
        func position(of key: TemplateKey, in entries: [Entry]) -> Int? {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: key.fingerprint >> shift)
            while true {
                let stored = Int(slots[slot])
                if stored == 0 { return nil }
                if entries[stored - 1].fingerprint == key.fingerprint, entries[stored - 1].key == key.name { return stored - 1 }
                slot = (slot + 1) & mask
            }
        }

        /// Adds the entry at `position`; false, changing nothing, when the table would be more than half full.
        mutating func insert(_ position: Int, fingerprint: UInt64) -> Bool {
            guard (used + 1) * 2 <= slots.count, position < Int(Int32.max) else { return false }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: fingerprint >> shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(position + 1)
            used += 1
            return true
        }
    }
}
