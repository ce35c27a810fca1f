/// The budgets of one page, from site.yml: checked before a page is read or parsed, so that one
/// file cannot stall every build. Each refusal names its budget and the setting that raises it.
public struct PageLimits: Sendable, Hashable {
    /// `maxPageMegabytes`.
    public var maxBytes: Int
    /// `maxTableCells`: rows × columns of one table.
    public var maxTableCells: Int
    /// `maxTableColumns`.
    public var maxTableColumns: Int

    public init(maxBytes: Int, maxTableCells: Int, maxTableColumns: Int) {
        self.maxBytes = maxBytes
        self.maxTableCells = maxTableCells
        self.maxTableColumns = maxTableColumns
    }

    /// 10 MB; 10,000 cells and 100 columns, which cmark-gfm parses in about 0.1 s at worst
    /// (one row of 10,000 columns takes it 2 s, 1,000 columns × 200 rows 2 s).
    public static let defaults = PageLimits(
        maxBytes: SiteConfig.defaultMaxPageBytes, maxTableCells: 10_000, maxTableColumns: 100)
}
