import KenshuCommandLine
import KenshuCore
import KenshuExport
import Testing

/// `kenshu`'s own command-line parser: the real command table, the usual conventions, and usage
/// errors that name the word, guess what was meant and speak the author's language.
@Suite struct CommandLineParserTests {
    static func parse(_ words: [String], language: Language = .ja) throws(UsageError) -> CommandLineRequest {
        try CommandLineParser(root: KenshuCommands.root, language: language).parse(words)
    }

    static func command(_ words: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try parse(words) else {
            Issue.record("\(words) did not ask to run a command")
            throw CancellationError()
        }
        return command
    }

    static func error(_ words: [String], language: Language = .ja) -> UsageError? {
        do {
            _ = try parse(words, language: language)
            return nil
        } catch {
            return error
        }
    }

    @Test func testNoCommandMeansBuildWithItsDefaults() throws {
        let build = try Self.command([])
        #expect(build.path == ["build"])
        #expect(build.value(.content) == "Content" && build.value(.buildOutput) == "Output")
        #expect(!build.flag(.strict) && build.value(.theme) == nil)
        let strict = try Self.command(["--strict", "--output=Site"])
        #expect(strict.path == ["build"] && strict.flag(.strict) && strict.value(.buildOutput) == "Site")
    }

    @Test func testValuesBothWaysLastOneWinsAndDoubleDashEndsOptions() throws {
        let serve = try Self.command(["serve", "--port", "8080", "--host=0.0.0.0", "--port=9090"])
        #expect(serve.integer(.port) == 9090 && serve.value(.host) == "0.0.0.0")
        let check = try Self.command(["check", "--max-age", "0.5", "--", "--odd folder"])
        #expect(check.number(.maxAge) == 0.5 && check.argument == "--odd folder")
        #expect(try Self.command(["check"]).argument == "Output")
        #expect(try Self.command(["new", "my course"]).argument == "my course")
        #expect(try Self.command(["base", "accept", "--content", "Town"]).path == ["base", "accept"])
    }

    @Test func testHelpAndVersionAnywhere() throws {
        #expect(try Self.parse(["--help"]) == .help([]))
        #expect(try Self.parse(["build", "--strict", "-h"]) == .help(["build"]))
        #expect(try Self.parse(["help", "base", "status"]) == .help(["base", "status"]))
        #expect(try Self.parse(["serve", "--version"]) == .version)
        #expect(try Self.parse(["check", "--", "--help"]) == .run(try Self.command(["check", "--", "--help"])))
        #expect(try Self.parse(["help", "build", "--lang", "en"]) == .help(["build"]))
        #expect(try Self.parse(["--lang=en", "help", "serve", "-h"]) == .help(["serve"]))
        #expect(try Self.parse(["--lang", "en", "help"]) == .help([]))
    }

    @Test func testMistakesAreNamedWithAGuess() {
        let command = Self.error(["biuld"])
        #expect(command?.message == Message(.cliUsageUnknownCommandGuess, "biuld", "kenshu build") && command?.suggestion == "kenshu build")
        #expect(Self.error(["publish"])?.message == Message(.cliUsageUnknownCommand, "publish"))
        let option = Self.error(["build", "--outptu", "x"])
        #expect(option?.message == Message(.cliUsageUnknownOptionGuess, "--outptu", "--output") && option?.suggestion == "--output")
        #expect(option?.commandPath == ["build"])
        #expect(Self.error(["build", "-o", "x"])?.message == Message(.cliUsageUnknownOption, "-o"))
        #expect(Self.error(["build", "---output", "x"])?.message.arguments.first == "---output", "exactly two dashes")
        #expect(Self.error(["build", "--help=1"])?.message == Message(.cliUsageFlagTakesNoValue, "--help", "--help=1"))
        #expect(Self.error(["help", "sreve"])?.suggestion == "kenshu serve")
        #expect(Self.error(["base", "stauts"])?.suggestion == "kenshu base status")
    }

    @Test func testValuesAreCheckedAgainstTheirKind() throws {
        #expect(Self.error(["build", "--lang", "fr"])?.message == Message(.cliUsageBadValue, "--lang", "fr", "ja|en"))
        #expect(Self.error(["check", "--format", "jsno"])?.message == Message(.cliUsageBadValueGuess, "--format", "jsno", "json", "text|json"))
        #expect(Self.error(["export", "--format", "scorm"])?.suggestion == "--format scorm12")
        #expect(Self.error(["build", "--lang", "jp"])?.message.key == .cliUsageBadValue)
        #expect(Self.error(["export", "--format", "s"])?.message.key == .cliUsageBadValue, "scorm12 or source: no guess")
        #expect(Self.error(["serve", "--port", "70000"])?.message == Message(.cliUsageBadValue, "--port", "70000", "0〜65535 の整数"))
        #expect(Self.error(["serve", "--port", "+80"])?.message == Message(.cliUsageBadValue, "--port", "+80", "0〜65535 の整数"))
        let port = try #require(Self.error(["serve", "--port", "70000"]))
        #expect(CommandHelp.errorText(port, root: KenshuCommands.root, language: .ja)
            .hasPrefix("kenshu: エラー: --port に '70000' は使えません（指定できるのは 0〜65535 の整数）"))
        #expect(Self.error(["check", "--timeout", "-1"])?.message == Message(.cliUsageBadValue, "--timeout", "-1", "0 以上の数"))
        #expect(Self.error(["check", "--today", "2026-02-30"])?.message
            == Message(.cliUsageBadValue, "--today", "2026-02-30", "YYYY-MM-DD の形の実在する日付。例：2026-12-01"))
        #expect(Self.error(["check", "--today", "2026/12/01"]) != nil)
        #expect(Self.error(["check", "--today", "2028-02-29"]) == nil)
        #expect(Self.error(["check", "--timeout=-1"])?.message == Message(.cliUsageBadValue, "--timeout", "-1", "0 以上の数"))
        #expect(Self.error(["check", "--timeout", "nan"])?.message.key == .cliUsageBadValue)
        #expect(Self.error(["export", "--format", "pdf"])?.message.key == .cliUsageBadValue)
        #expect(Self.error(["build", "--strict=yes"])?.message == Message(.cliUsageFlagTakesNoValue, "--strict", "--strict=yes"))
        #expect(Self.error(["build", "--output"])?.message == Message(.cliUsageMissingValue, "--output", "<フォルダー>"))
        #expect(Self.error(["build", "--output", "--strict"])?.message.key == .cliUsageMissingValue)
        #expect(Self.error(["build", "--output="])?.message.key == .cliUsageMissingValue, "an empty folder name means no folder")
        #expect(Self.error(["build", "--output", ""])?.message.key == .cliUsageMissingValue)
    }

    @Test func testWhatIsMissingOrTooMuch() {
        #expect(Self.error(["export"])?.message == Message(.cliUsageMissingOption, "--format zip|scorm12|gift|source"))
        #expect(Self.error(["theme", "export"])?.message == Message(.cliUsageMissingArgument, "<フォルダー>"))
        #expect(Self.error(["theme", "export"], language: .en)?.message == Message(.cliUsageMissingArgument, "<folder>"))
        #expect(Self.error(["theme"])?.message == Message(.cliUsageMissingCommand, "kenshu theme", "export"))
        #expect(Self.error(["check", "a", "b"])?.message == Message(.cliUsageTakesOneArgument, "b", "kenshu check"))
        #expect(Self.error(["build", "Content"])?.message == Message(.cliUsageTakesNoArgument, "Content", "kenshu build"))
    }

    /// Typed with the Japanese input method on: the error gives the half-width spelling.
    @Test func testFullWidthInputIsPointedOut() {
        #expect(Self.error(["build", "ーーstrict"])?.message == Message(.cliUsageFullWidth, "ーーstrict", "--strict"))
        #expect(Self.error(["build", "－－ｓｔｒｉｃｔ"])?.message == Message(.cliUsageFullWidth, "－－ｓｔｒｉｃｔ", "--strict"))
        #expect(Self.error(["serve", "--port", "８０８０"])?.message == Message(.cliUsageFullWidth, "８０８０", "8080"))
        #expect(Self.error(["ｂｕｉｌｄ"])?.message == Message(.cliUsageFullWidth, "ｂｕｉｌｄ", "build"))
        #expect(Self.error(["build　--strict"])?.message == Message(.cliUsageFullWidth, "build　--strict", "build --strict"))
        #expect(Self.error(["build", "—strict"])?.message == Message(.cliUsageFullWidth, "—strict", "--strict"), "autocorrect's em dash")
        // Where the command takes a folder, a full-width option is still not taken for one.
        #expect(Self.error(["check", "－－ｅｘｔｅｒｎａｌ"])?.message == Message(.cliUsageFullWidth, "－－ｅｘｔｅｒｎａｌ", "--external"))
        #expect(Self.error(["new", "ーーbase", "x"])?.message == Message(.cliUsageFullWidth, "ーーbase", "--base"))
    }

    /// Paths copied from Windows: `\` is read as `/` in every folder or file option and argument; a drive or a
    /// network place this computer has not is named, not written to as a file called `C:\…`.
    @Test func testWindowsPathsAreReadOrNamed() throws {
        #expect(try Self.command(["export", "--format", "gift", "--output", "..\\exportsB\\"]).value(.exportOutput) == "../exportsB/")
        #expect(try Self.command(["build", "--content", "B村研修\\Content"]).value(.content) == "B村研修/Content")
        #expect(try Self.command(["new", "--base", "share\\a町.zip", "町\\研修"]).value(.base) == "share/a町.zip")
        #expect(try Self.command(["new", "町\\研修"]).argument == "町/研修")
        #expect(try Self.command(["build", "--theme", "a\\b"]).value(.theme) == "a\\b", "a theme is a name, not a path")
        #expect(Self.error(["build", "--output", "C:\\Users\\b\\Desktop\\"])?.message
            == Message(.cliUsageWindowsDrive, "--output", "C:\\Users\\b\\Desktop\\", "C:"))
        #expect(Self.error(["build", "--output", "C:foo"])?.message.key == .cliUsageWindowsDrive)
        #expect(Self.error(["export", "--format", "gift", "--output", "\\\\"])?.message.key == .cliUsageWindowsDrive)
        #expect(Self.error(["check", "\\\\fileserver\\kenshu\\Output"])?.message
            == Message(.cliUsageWindowsDrive, "kenshu check", "\\\\fileserver\\kenshu\\Output", "\\\\fileserver"))
    }

    /// ー is also the katakana long-vowel mark: a Japanese word is not a mistyped option.
    @Test func testJapaneseWordsAreNotTakenForFullWidthInput() throws {
        #expect(Self.error(["サーブ"])?.message == Message(.cliUsageUnknownCommand, "サーブ"))
        #expect(Self.error(["export", "--format", "ソース"])?.message.key == .cliUsageBadValue)
        #expect(try Self.command(["new", "コース"]).argument == "コース")
    }

    @Test func testErrorTextInBothLanguages() throws {
        let error = try #require(Self.error(["build", "--outptu", "x"]))
        #expect(CommandHelp.errorText(error, root: KenshuCommands.root, language: .ja).split(separator: "\n") == [
            "kenshu: エラー: '--outptu' というオプションはありません。'--output' のことですか？",
            "使い方：kenshu build [--content <フォルダー>] [--theme <名前>] [--lang ja|en] [--output <フォルダー>] [--strict] [--no-check] [--timings] [--open]",
            "詳しい説明は 'kenshu build --help' で表示できます",
        ])
        let english = try #require(Self.error(["build", "--outptu", "x"], language: .en))
        #expect(CommandHelp.errorText(english, root: KenshuCommands.root, language: .en).hasPrefix(
            "kenshu: error: there is no option '--outptu' — did you mean '--output'?\nUsage: kenshu build [--content <folder>]"))
    }

    /// Every command's help lists each of its options with its default, in aligned columns.
    @Test(arguments: [[], ["build"], ["serve"], ["check"], ["new"], ["theme"], ["theme", "export"], ["export"], ["base", "status"]])
    func testHelpListsEveryOption(_ path: [String]) {
        var spec = KenshuCommands.root
        for name in path { spec = spec.subcommand(named: name) ?? spec }
        for language in Language.allCases {
            let help = CommandHelp.text(for: path, root: KenshuCommands.root, language: language)
            let rows = help.split(separator: "\n").filter { $0.hasPrefix("  --") || $0.hasPrefix("  -h") }
            for option in spec.options {
                let row = rows.first { $0.hasPrefix("  " + option.spelling + " ") }
                #expect(row != nil, "\(path) \(language): \(option.spelling) missing")
                if let value = option.defaultValue {
                    #expect(row?.hasSuffix(Message(.cliHelpDefault, value).text(in: language)) == true, "\(option.spelling): default \(value)")
                }
            }
            let starts = Set(rows.map { row -> Int in
                let left = row.dropFirst(2)
                guard let gap = left.range(of: "  ") else { return -1 }
                let text = left[gap.upperBound...].drop { $0 == " " }
                return TerminalColumns.width(of: String(row)) - TerminalColumns.width(of: String(text))
            })
            #expect(starts.count == 1, "\(path) \(language): descriptions start at columns \(starts)")
        }
    }

    @Test func testTheCommandTableIsConsistent() {
        var commands = [KenshuCommands.root]
        var seen = 0
        var actions: [KenshuAction] = []
        while let spec = commands.popLast() {
            seen += 1
            #expect((spec.action == nil) == !spec.subcommands.isEmpty, "\(spec.name): a command runs something or groups others")
            actions += spec.action.map { [$0] } ?? []
            #expect(Set(spec.options.map(\.name)).count == spec.options.count, "\(spec.name) names an option twice")
            #expect(!spec.options.contains { $0.name == "help" || $0.name == "version" })
            commands += spec.subcommands
        }
        #expect(seen == 11)
        #expect(actions.sorted { $0.rawValue < $1.rawValue } == KenshuAction.allCases.sorted { $0.rawValue < $1.rawValue },
                "every action is reachable from exactly one command")
        guard case .choice(let formats) = OptionSpec.exportFormat.kind else {
            Issue.record("--format is not a choice")
            return
        }
        #expect(formats == ExportFormat.allCases.map(\.rawValue))
    }

    @Test func testLanguageOfTheCommandLine() {
        #expect(KenshuCommands.language(of: ["build", "--lang", "en"], environment: ["LANG": "ja_JP.UTF-8"]) == .en)
        #expect(KenshuCommands.language(of: ["build", "--lang=en"], environment: [:]) == .en)
        #expect(KenshuCommands.language(of: ["build", "--lang", "xx"], environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(KenshuCommands.language(of: ["check", "--", "--lang", "en"], environment: [:]) == .ja)
    }
}
