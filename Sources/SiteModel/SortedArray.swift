extension Array where Element: Comparable {
    /// In this sorted array, the first position whose element is not below
    /// `value`: where it is, or where it would go.
    public func insertionPoint(of value: Element) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
