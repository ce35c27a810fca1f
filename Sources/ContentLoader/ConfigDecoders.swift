import SiteModel
import YAMLReading

/// `Content/site.yml` → `SiteConfig`.
enum SiteConfigDecoder {
    static let knownKeys: Set<String> = [
        "title", "baseURL", "defaultLocale", "locales", "smartPunctuation", "unsafeHTML", "reviewInterval",
        "readingTargets", "maxPageMegabytes", "maxPictureMegapixels", "maxTableCells", "maxTableColumns", "image",
        "imageAlt", "remotePictures", "requiredBlocks", "listPageSize", "homeListSize",
    ]

    static func decode(_ text: String, file: String) -> Decoded<SiteConfig> {
        let what = "site.yml"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0, what: what) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let mapping): yaml = mapping
        }
        yaml.warnUnknownKeys(knownKeys, what: what)
        let title = yaml.string("title", required: true, what: what)
        let baseURL = yaml.string("baseURL", required: true, what: what)
        let defaultLocale = yaml.string("defaultLocale", required: true, what: what)
        let locales = yaml.strings("locales", what: what)
        let smart = yaml.bool("smartPunctuation", what: what)
        let unsafe = yaml.bool("unsafeHTML", what: what)
        let interval = yaml.int("reviewInterval", what: what)
        let maxPageMegabytes = yaml.int("maxPageMegabytes", what: what)
        let maxPictureMegapixels = yaml.int("maxPictureMegapixels", what: what)
        let maxTableCells = yaml.int("maxTableCells", what: what)
        let maxTableColumns = yaml.int("maxTableColumns", what: what)
        let listPageSize = yaml.int("listPageSize", what: what)
        let homeListSize = yaml.int("homeListSize", what: what)
        for (key, value, range) in [
            ("maxTableCells", maxTableCells, 1...1_000_000), ("maxTableColumns", maxTableColumns, 1...10_000),
            ("listPageSize", listPageSize, 1...1000), ("homeListSize", homeListSize, 1...1000),
        ] where value.map({ !range.contains($0) }) ?? false {
            yaml.error(
                yaml.location(ofKey: key),
                "\(what): '\(key)' is a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        if let maxPictureMegapixels, !(1...2000).contains(maxPictureMegapixels) {
            yaml.error(
                yaml.location(ofKey: "maxPictureMegapixels"),
                "\(what): 'maxPictureMegapixels' is a whole number of megapixels from 1 to 2000")
        }
        var readingTargets: [String: Double] = [:]
        for (tag, value) in yaml.stringMap("readingTargets", what: what) {
            guard let number = Double(value.value), number.isFinite else {
                yaml.error(
                    value.location,
                    "\(what): readingTargets: '\(tag)' must be a number (a grade for English, an ease score for "
                        + "Spanish)"
                )
                continue
            }
            readingTargets[tag] = number
        }
        if let interval, interval <= 0 {
            yaml.error(
                yaml.location(ofKey: "reviewInterval"), "\(what): 'reviewInterval' is a number of months, at least 1")
        }
        if let maxPageMegabytes, !(1...1024).contains(maxPageMegabytes) {
            yaml.error(
                yaml.location(ofKey: "maxPageMegabytes"),
                "\(what): 'maxPageMegabytes' is a whole number of megabytes from 1 to 1024")
        }
        if let baseURL, !(baseURL.value.hasPrefix("https://") || baseURL.value.hasPrefix("http://")) {
            yaml.error(
                baseURL.location, "\(what): 'baseURL' must be an absolute http(s) URL such as https://example.org/")
        }
        guard let title, let baseURL, let defaultLocale, !yaml.diagnostics.hasErrors else {
            return .failed(yaml.diagnostics)
        }
        var config = SiteConfig(
            title: title.value, baseURL: baseURL.value, defaultLocale: defaultLocale.value,
            localeOrder: locales.map(\.value), smartPunctuation: smart ?? true, unsafeHTML: unsafe ?? false,
            reviewIntervalMonths: interval ?? 12, location: yaml.location
        )
        config.readingTargets = readingTargets
        if let maxPageMegabytes { config.maxPageBytes = maxPageMegabytes * 1024 * 1024 }
        if let maxPictureMegapixels { config.maxPicturePixels = maxPictureMegapixels * 1_000_000 }
        if let maxTableCells { config.maxTableCells = maxTableCells }
        if let maxTableColumns { config.maxTableColumns = maxTableColumns }
        if let listPageSize { config.listPageSize = listPageSize }
        if let homeListSize { config.homeListSize = homeListSize }
        config.image = yaml.string("image", required: false, what: what)
        config.imageAlt = yaml.string("imageAlt", required: false, what: what)?.value
        if let image = config.image, config.imageAlt == nil {
            yaml.error(
                image.location, "\(what): 'imageAlt' is missing: describe the picture for people who cannot see it")
        }
        if let remote = yaml.string("remotePictures", required: false, what: what) {
            config.allowsRemotePictures = remote.value == "allow"
            if !["allow", "refuse"].contains(remote.value) {
                yaml.error(
                    remote.location,
                    "\(what): 'remotePictures' is 'allow' or 'refuse' (the default), not '\(remote.value)'"
                )
            }
        }
        config.requiredBlocks = decodeRequiredBlocks(&yaml, what: what)
        return Decoded(config, diagnostics: yaml.diagnostics)
    }

    /// `requiredBlocks: { therapies: [safety/implanted-devices, …] }`: section folder → block names;
    /// or `therapies: { blocks: […], except: [pulse-parameters] }`, naming the pages (by id) of the
    /// section that need not place them, beside the rule rather than in the pages.
    private static func decodeRequiredBlocks(_ yaml: inout YAMLMapping, what: String) -> [RequiredBlocks] {
        guard var mapping = yaml.mapping("requiredBlocks", what: what) else { return [] }
        var required: [RequiredBlocks] = []
        for section in mapping.keys {
            var blocks: [Located<String>] = []
            var except: [Located<String>] = []
            if var rule = mapping.node(section).flatMap({
                YAMLMapping(node: $0, file: mapping.file, lineOffset: mapping.lineOffset)
            }) {
                let context = "\(what): requiredBlocks: \(section)"
                blocks = rule.strings("blocks", what: context)
                except = rule.strings("except", what: context)
                rule.warnUnknownKeys(["blocks", "except"], what: context)
                mapping.absorb(rule)
            } else {
                blocks = mapping.strings(section, what: "\(what): requiredBlocks")
            }
            let location = mapping.location(ofKey: section)
            if section.isEmpty || section.hasPrefix("/") || section.hasSuffix("/") {
                mapping.error(
                    location, "\(what): requiredBlocks: '\(section)' is not a section folder (like 'therapies')")
            }
            required.append(RequiredBlocks(section: Located(section, at: location), blocks: blocks, except: except))
        }
        yaml.absorb(mapping)
        return required
    }
}

/// `Content/<tag>/locale.yml` → `LocaleConfig`.
enum LocaleConfigDecoder {
    static let knownKeys: Set<String> = [
        "name", "direction", "strings", "fallback", "formatLocale", "fallbackPages", "languageNames", "published",
    ]

    static func decode(_ text: String, tag: String, file: String) -> Decoded<LocaleConfig> {
        let what = "locale.yml"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(text, file: file, lineOffset: 0, what: what) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let mapping): yaml = mapping
        }
        yaml.warnUnknownKeys(knownKeys, what: what)
        let name = yaml.string("name", required: true, what: what)
        let directionText = yaml.string("direction", required: true, what: what)
        let strings = yaml.stringMap("strings", what: what)
        let fallback = yaml.strings("fallback", what: what)
        let formatLocale = yaml.string("formatLocale", required: false, what: what)
        let fallbackPages = yaml.bool("fallbackPages", what: what)
        let languageNames = yaml.stringMap("languageNames", what: what)
        let published = yaml.bool("published", what: what)
        if published != false {
            // A published locale must not show what `new locale` left to translate.
            let texts =
                [name.map { ("name", $0) }].compactMap { $0 }
                + strings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            for (key, text) in texts where ScaffoldPlaceholder.isMarked(text.value) {
                yaml.error(
                    text.location,
                    "\(what): '\(key)' still holds a placeholder of 'spinesite new locale': translate it and remove "
                        + "the mark, or keep 'published: false'")
            }
        }
        if let formatLocale, !LanguageTag.isValid(formatLocale.value) {
            yaml.error(formatLocale.location, "\(what): 'formatLocale' must be a BCP 47 tag such as en-GB")
        }
        var direction: TextDirection?
        if let directionText {
            direction = TextDirection(rawValue: directionText.value)
            if direction == nil {
                yaml.error(
                    directionText.location, "\(what): 'direction' must be 'ltr' or 'rtl', not '\(directionText.value)'"
                )
            }
        }
        guard let name, let direction, !yaml.diagnostics.hasErrors else { return .failed(yaml.diagnostics) }
        var config = LocaleConfig(
            tag: tag, name: name.value, direction: direction,
            strings: strings.mapValues(\.value), location: yaml.location, fallback: fallback
        )
        config.formatLocale = formatLocale?.value ?? tag
        config.publishesFallbackPages = fallbackPages ?? true
        config.languageNames = languageNames.mapValues(\.value)
        config.published = published ?? true
        return Decoded(config, diagnostics: yaml.diagnostics)
    }
}

/// The YAML between a page's `---` lines → `FrontMatter`.
enum FrontMatterDecoder {
    static let knownKeys: Set<String> = [
        "title", "description", "id", "slug", "weight", "draft", "aliases", "related", "tags", "translationOf",
        "pendingUnits", "reviewed", "reviewedBy", "nextReview", "medicalType", "references", "published", "updated",
        "image",
        "imageAlt",
    ]

    static func decode(_ split: SplitDocument, file: String) -> Decoded<FrontMatter> {
        let what = "front matter"
        var yaml: YAMLMapping
        switch YAMLMapping.parse(split.yaml, file: file, lineOffset: split.yamlFirstLine - 1, what: what) {
        case .failure(let failure): return .failed(failure.diagnostics)
        case .success(let mapping): yaml = mapping
        }
        yaml.warnUnknownKeys(knownKeys, what: what)
        let title = yaml.string("title", required: true, what: what)
        let description = yaml.string("description", required: true, what: what)
        let id = yaml.string("id", required: false, what: what)
        let slug = yaml.string("slug", required: false, what: what)
        let weight = yaml.int("weight", what: what)
        let draft = yaml.bool("draft", what: what)
        let aliases = yaml.strings("aliases", what: what)
        let related = yaml.strings("related", what: what)
        let tags = yaml.strings("tags", what: what)
        let translationOf = yaml.string("translationOf", required: false, what: what)
        if let translationOf, !TranslationDigest.isWellFormed(translationOf.value) {
            yaml.error(
                translationOf.location,
                "front matter: 'translationOf' must be 12 hex digits, as written by 'spinesite translations stamp'")
        }
        let pendingUnits = decodePendingUnits(&yaml, what: what)
        let review = decodeReview(&yaml, what: what)
        let references = ReferenceDecoder.decode(&yaml, what: what)
        var medicalType: FrontMatter.MedicalType?
        if let text = yaml.string("medicalType", required: false, what: what) {
            medicalType = FrontMatter.MedicalType(rawValue: text.value)
            if medicalType == nil {
                yaml.error(
                    text.location, "\(what): 'medicalType' must be 'therapy' or 'condition', not '\(text.value)'")
            }
        }
        if let id { checkIdentifier(id, key: "id", yaml: &yaml) }
        if let slug { checkSlug(slug, yaml: &yaml) }
        guard let title, let description, !yaml.diagnostics.hasErrors else { return .failed(yaml.diagnostics) }
        var frontMatter = FrontMatter(
            title: title.value, description: description.value, id: id, slug: slug,
            weight: weight ?? 0, draft: draft ?? false, aliases: aliases, related: related, tags: tags.map(\.value),
            translationOf: translationOf, review: review
        )
        frontMatter.medicalType = medicalType
        frontMatter.pendingUnits = pendingUnits
        frontMatter.references = references
        frontMatter.published = date("published", in: &yaml, what: what)?.value
        frontMatter.updated = date("updated", in: &yaml, what: what)?.value
        frontMatter.image = yaml.string("image", required: false, what: what)
        frontMatter.imageAlt = yaml.string("imageAlt", required: false, what: what)?.value
        if let image = frontMatter.image, frontMatter.imageAlt == nil {
            yaml.error(
                image.location,
                "\(what): 'imageAlt' is missing: describe the picture for people who cannot see it")
        }
        if yaml.diagnostics.hasErrors { return .failed(yaml.diagnostics) }
        return Decoded(frontMatter, diagnostics: yaml.diagnostics)
    }

    /// A `YYYY-MM-DD` date, or an error at its value.
    static func date(_ key: String, in yaml: inout YAMLMapping, what: String) -> Located<CalendarDate>? {
        guard let text = yaml.string(key, required: false, what: what) else { return nil }
        guard let date = CalendarDate(iso: text.value) else {
            yaml.error(text.location, "\(what): '\(key)' must be a date written YYYY-MM-DD, not '\(text.value)'")
            return nil
        }
        return Located(date, at: text.location)
    }

    /// `pendingUnits`: unit id → the digest its text was translated from, or `new`, as an import writes it.
    static func decodePendingUnits(_ yaml: inout YAMLMapping, what: String) -> [PendingUnit] {
        let entries = yaml.stringMap("pendingUnits", what: what)
        var units: [PendingUnit] = []
        for (id, value) in entries.sorted(by: { $0.key < $1.key }) {
            let untranslated = value.value == PendingUnit.untranslated
            guard untranslated || TranslationDigest.isWellFormed(value.value) else {
                yaml.error(
                    value.location,
                    "front matter: each entry of 'pendingUnits' must be a unit id and 12 hex digits or "
                        + "'\(PendingUnit.untranslated)', as 'spinesite translations import' writes them")
                continue
            }
            units.append(
                PendingUnit(id: id, translatedFrom: untranslated ? nil : value.value, location: value.location))
        }
        return units
    }

    /// `reviewed` and `reviewedBy` go together; `nextReview` needs them.
    private static func decodeReview(_ yaml: inout YAMLMapping, what: String) -> FrontMatter.Review? {
        let reviewed = date("reviewed", in: &yaml, what: what)
        let reviewedBy = yaml.string("reviewedBy", required: false, what: what)
        let nextReview = date("nextReview", in: &yaml, what: what)
        if reviewed != nil, reviewedBy == nil {
            yaml.error(
                yaml.location(ofKey: "reviewed"),
                "\(what): 'reviewedBy' is missing: name who reviewed the page, with credentials")
        }
        if reviewedBy != nil, reviewed == nil, yaml.node("reviewed") == nil {
            yaml.error(
                yaml.location(ofKey: "reviewedBy"),
                "\(what): 'reviewed' is missing: the date of the review, YYYY-MM-DD")
        }
        if let nextReview, let reviewed, nextReview.value <= reviewed.value {
            yaml.error(
                nextReview.location,
                "\(what): 'nextReview' (\(nextReview.value)) must come after 'reviewed' (\(reviewed.value))")
        }
        guard let reviewed, let reviewedBy else { return nil }
        return FrontMatter.Review(reviewed: reviewed, reviewedBy: reviewedBy.value, nextReview: nextReview)
    }

    private static func checkIdentifier(_ id: Located<String>, key: String, yaml: inout YAMLMapping) {
        if let problem = PathSafety.problem(withIdentifier: id.value) {
            yaml.error(id.location, "front matter: '\(key)' \(problem)")
        }
    }

    private static func checkSlug(_ slug: Located<String>, yaml: inout YAMLMapping) {
        if let problem = PathSafety.problem(withSegment: slug.value) {
            yaml.error(slug.location, "front matter: 'slug' \(problem)")
        }
    }
}
