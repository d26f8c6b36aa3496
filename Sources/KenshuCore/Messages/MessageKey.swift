/// Everything Kenshu says to an author, each with a stable code.
///
/// Problems have codes `K` + 4 digits (the thousands name the stage: 0 tool, 1 files, 2 YAML,
/// 3 front matter, 4 site.yml and glossary, 5 Markdown and links, 6 quizzes, 7 course, 8 theme,
/// 9 `kenshu check`). Codes never change meaning, so an author or a script can look one up.
/// Pieces of advice (`fix.…`) and command output (`cli.…`) have names instead of codes.
/// The words live in the catalogs (`MessageCatalog+ja.swift`, `MessageCatalog+en.swift`).
public enum MessageKey: String, Sendable, Hashable, CaseIterable, Codable {
    // K0: the tool itself
    case toolError = "K0001"
    case outputRefused = "K0002"
    case contentFolderMissing = "K0003"
    case themesMissing = "K0004"
    case newTargetNotEmpty = "K0005"
    case concurrentBuild = "K0006"
    case portInUse = "K0007"
    case badHost = "K0008"

    // K1: reading files
    case fileUnreadable = "K1001"
    case notUTF8 = "K1002"
    case looksShiftJIS = "K1003"
    case frontMatterUnclosed = "K1004"
    case markdownNotPublished = "K1005"
    case symlinkOutside = "K1006"
    case missingSiteYAML = "K1007"
    case missingHome = "K1008"
    case missingSiteID = "K1009"
    case lessonUnnumbered = "K1010"
    case duplicateNumber = "K1011"
    case caseCollision = "K1012"
    case symlinkLoop = "K1013"

    // K2: YAML
    case yamlInvalid = "K2001"
    case yamlDuplicateKey = "K2002"
    case yamlNotMapping = "K2003"
    case yamlNotText = "K2004"
    case yamlNotInteger = "K2005"
    case yamlNotBool = "K2006"
    case yamlNotDate = "K2007"
    case yamlNoSuchDay = "K2008"
    case yamlNotList = "K2009"
    case yamlUnknownKey = "K2010"
    case yamlFullWidthColon = "K2011"
    case yamlTab = "K2012"

    // K3: front matter
    case noFrontMatter = "K3001"
    case noTitle = "K3002"
    case unknownKind = "K3003"
    case sourcesNotList = "K3004"
    case sourceWithoutTitle = "K3005"
    case testWithoutPassMark = "K3006"
    case testWithoutQuestions = "K3007"

    // K4: site.yml and glossary.yml
    case languageUnsupported = "K4001"
    case themeNotFolderName = "K4002"
    case checkNotMapping = "K4003"
    case invalidRegex = "K4004"
    case optionsNotMapping = "K4005"
    case glossaryNotList = "K4101"
    case glossaryEntryNotMapping = "K4102"
    case glossaryWithoutTerm = "K4103"
    case glossaryWithoutDefinition = "K4104"
    case glossaryDuplicate = "K4105"

    // K5: Markdown and links
    case rawHTMLShownAsText = "K5001"
    case linkWithSpace = "K5002"
    case linkLeavesContent = "K5003"
    case linkRootRelative = "K5004"
    case linkToMissingPage = "K5005"
    case linkToMissingFile = "K5006"
    case imageMissing = "K5007"
    case fragmentMissingHere = "K5008"
    case fragmentMissingThere = "K5009"
    case unsafeURL = "K5010"
    case footnoteUndefined = "K5011"
    case footnoteUnused = "K5012"
    case rawHTMLOutsideSubset = "K5013"
    case rawHTMLScriptURL = "K5014"
    case commentUnclosed = "K5015"
    case unsafeURLKept = "K5016"

    // K6: quizzes
    case quizDuplicateID = "K6001"
    case quizDuplicate = "K6002"
    case quizNoQuestion = "K6003"
    case quizNothingToAnswer = "K6004"
    case quizStrayFeedback = "K6005"
    case quizBadID = "K6006"
    case quizUnknownOption = "K6007"
    case quizChoiceWithoutBox = "K6008"
    case quizExtraUnderChoice = "K6009"
    case quizNoCorrectChoice = "K6010"
    case quizAnswerWithChoices = "K6011"
    case quizFullWidthBox = "K6012"
    case quizFullWidthListMarker = "K6013"

    // K7: the course as a whole
    case moduleWithoutIndex = "K7001"
    case urlCollision = "K7002"
    case reservedName = "K7003"

    // K8: themes
    case themeMissing = "K8001"
    case templateUnreadable = "K8002"
    case templateError = "K8003"
    case templateMissing = "K8004"
    case stringsUnreadable = "K8005"
    case stringsMissing = "K8006"

    // K9: kenshu check
    case checkNoSuchFile = "K9001"
    case checkNoSuchFragment = "K9002"
    case checkDirectoryWithoutIndex = "K9003"
    case checkOutsideSite = "K9004"
    case checkOrphan = "K9005"
    case checkInsecure = "K9006"
    case checkEmptyText = "K9007"
    case checkHTTPError = "K9008"
    case checkUnreachable = "K9009"

    // K7.3: glossary, print, freshness, quiz lint
    case glossaryTermUnused = "K7301"
    case glossaryAliasClash = "K7302"
    case freshnessReviewPassed = "K7310"
    case freshnessSourceNotAccessed = "K7311"
    case quizLintNotMapping = "K7320"
    case quizLintPositionUnbalanced = "K7321"
    case quizLintLongestIsCorrect = "K7322"
    case quizLintAllButLast = "K7323"
    case quizLintNoExplanation = "K7324"
    case quizLintBareFeedback = "K7325"
    case quizLintRedundantAnswers = "K7326"
    case quizLintAnswerTooLong = "K7327"
    case quizLintTwoChoices = "K7328"
    case cliFreshnessHeader = "cli.freshness-header"
    case cliFreshnessNone = "cli.freshness-none"
    case cliFreshnessOverdue = "cli.freshness-overdue"
    case cliFreshnessDue = "cli.freshness-due"
    case cliFreshnessNoDate = "cli.freshness-no-date"
    case cliCourseReviewed = "cli.course-reviewed"
    // K7.2: export
    case exportNoSiteID = "K7201"
    case exportContentErrors = "K7202"
    case exportWriteFailed = "K7203"
    case exportNoQuizzes = "K7204"
    case attributionNotMapping = "K7205"
    case exportOutputInsideContent = "K7206"
    case cliExported = "K7210"
    // K7.1: search
    case searchNotMapping = "K7100"
    case searchSynonymTooShort = "K7101"

    // Advice that depends on the case at hand.
    case fixDidYouMean = "fix.did-you-mean"
    case fixKnownKeys = "fix.known-keys"
    case fixQuizOptions = "fix.quiz-options"
    case fixMoveIntoModule = "fix.move-into-module"
    case fixMoveUpToModule = "fix.move-up-to-module"
    case fixLinkLessons = "fix.link-lessons"
    case fixPutFileBeside = "fix.put-file-beside"
    case fixPageHasNoHeadings = "fix.page-has-no-headings"
    case fixHeadingsAre = "fix.headings-are"
    case noteIgnoredByPattern = "note.ignored-by-pattern"

    // Command output.
    case cliBuilt = "cli.built"
    case cliBuildFailed = "cli.build-failed"
    case cliBuildFailedStrict = "cli.build-failed-strict"
    case cliChecked = "cli.checked"
    case cliExternalOffline = "cli.external-offline"
    case cliExternalChecked = "cli.external-checked"
    case cliServing = "cli.serving"
    case cliStopped = "cli.stopped"
    case cliHostWarning = "cli.host-warning"
    case cliNoBrowserOpener = "cli.no-browser-opener"
    case cliSiteReady = "cli.site-ready"
    case cliSiteFailed = "cli.site-failed"
    case cliNewCreated = "cli.new-created"
    case cliThemeExported = "cli.theme-exported"
    case cliSeverityError = "cli.error"
    case cliSeverityWarning = "cli.warning"
    case cliAlsoAtLines = "cli.also-at-lines"
    case cliInFile = "cli.in-file"
    case errorPageTitle = "page.error-title"
    case errorPageIntro = "page.error-intro"
    case notFoundTitle = "page.not-found-title"
    case notFoundHome = "page.not-found-home"

    /// The stable code shown with a problem (`K1002`), or `nil` for advice and command output.
    public var code: String? { rawValue.hasPrefix("K") ? rawValue : nil }
}
