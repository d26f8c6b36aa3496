extension Site {
    /// Links that `check: ignore:` in site.yml lets through, as `page\u{0}href` of the built site:
    /// the check of the built pages lets the same links through, whichever form the pattern matched.
    public var ignoredLinks: Set<String> {
        config.externalIgnore.isEmpty ? [] : LinkValidator(site: self).ignoredLinks()
    }
}
