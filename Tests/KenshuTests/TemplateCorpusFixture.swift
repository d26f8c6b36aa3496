@testable import KenshuTheme

/// The context the template corpus renders: every kind of value a theme meets, with hostile text
/// (markup, quotes, a combining mark after `&`, CRLF) and empty and absent values.
struct CorpusContext: TemplateContext {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case title, word, empty, missing, yes, no, zero, three, negative, names, none, items, nested, absentList = "absent_list"
        case t, crlf, combining, multiline, partialName = "partial_name", name
    }

    /// One entry of `items`, and `nested`.
    struct Item: TemplateContext {
        enum CodingKeys: String, CodingKey, CaseIterable { case name, flag, tags, note }

        var name: String
        var flag: Bool
        var tags: [String]
        var note: String?

        func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
            switch field {
            case .name: name
            case .flag: flag
            case .tags: tags
            case .note: note
            }
        }
    }

    var title = "見出し <b>&amp;</b> \"q\" 'a'"
    var word = "hello wORLD again"
    var empty = ""
    var missing: String?
    var yes = true
    var no = false
    var zero = 0
    var three = 3
    var negative = -2
    var names = ["い", "<b>", "c&d", "あ"]
    var none: [String] = []
    var items = [
        Item(name: "一", flag: true, tags: ["x", "y"], note: "note <1>"),
        Item(name: "two & co", flag: false, tags: [], note: nil),
        Item(name: "三", flag: true, tags: ["z"], note: ""),
    ]
    var nested: Item? = Item(name: "nested", flag: true, tags: ["n1", "n2"], note: nil)
    var absentList: [Item]?
    var t = ["greeting": "こんにちは <you>", "b": "2", "a": "1"]
    var crlf = "a\r\nb\r\n"
    var combining = "&\u{301}x<\u{338}y\"'"
    var multiline = "line 1\nline 2\n"
    var partialName = "item"
    var name: String?

    func value(of field: CodingKeys) -> (any TemplateValueConvertible)? {
        switch field {
        case .title: title
        case .word: word
        case .empty: empty
        case .missing: missing
        case .yes: yes
        case .no: no
        case .zero: zero
        case .three: three
        case .negative: negative
        case .names: names
        case .none: none
        case .items: items
        case .nested: nested
        case .absentList: absentList
        case .t: t
        case .crlf: crlf
        case .combining: combining
        case .multiline: multiline
        case .partialName: partialName
        case .name: name
        }
    }
}

/// Partials the corpus templates call.
enum TemplateCorpus {
    static let partials: [String: String] = [
        "item": "<li>{{name}}</li>\n",
        "lines": "first {{title}}\nsecond\n{{#names}}\n- {{.}}\n{{/names}}\nlast",
        "loop": "{{#items}}\n{{name}}\n{{/items}}\n",
        "text": "{{{multiline}}}{{{crlf}}}end\n",
        "parent": "<h1>{{$title}}default title{{/title}}</h1>\n{{$body}}\n  default body\n{{/body}}\nend\n",
        "grand": "{{<parent}}{{$title}}grand {{title}}{{/title}}{{/parent}}",
        "item-in-partial": "  {{> item}}\n",
        "indented-block": "<div>\n  {{$inner}}\n  default inner\n  {{/inner}}\n</div>\n",
    ]

    /// Each feature and edge: variables, sections, standalone lines, partials, inheritance, delimiters, transforms.
    static let templates: [String] = [
        "{{title}}", "{{{title}}}", "{{& title}}", "{{  title  }}", "{{missing}}|{{empty}}|",
        "{{yes}} {{no}} {{zero}} {{three}} {{negative}}", "{{nested.name}} {{.nested.name}} {{nested.note}}|",
        "{{nested.missing.deep}}x{{items.name}}", "{{#names}}[{{.}}]{{/names}}",
        "{{#none}}never{{/none}}{{^none}}empty list{{/none}}", "{{#empty}}empty text is truthy: '{{.}}'{{/empty}}",
        "{{#missing}}no{{/missing}}{{^missing}}absent is falsy{{/missing}}", "{{#title}}{{.}}{{/title}}",
        "{{#three}}{{.}} is truthy{{/three}}{{#zero}} zero {{.}} too{{/zero}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^yes}}!Y{{/yes}}{{^no}}!N{{/no}}",
        "{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}",
        "{{#items}}{{#first()}}F{{/first()}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{/items}}",
        "{{#items}}{{#flag}}{{^last()}}x{{/last()}}{{/flag}}{{/items}}",
        "{{#items}}{{#tags}}{{.}}{{^last()}}+{{/last()}}{{/tags}};{{/items}}",
        "{{#items}}{{#nested}}<{{last()}}>{{/nested}}{{/items}}", "{{#items}}{{title}}:{{name}}/{{/items}}",
        "{{#nested}}{{name}} {{title}}{{/nested}}", "{{#items}}\n  <li>{{name}}</li>\n{{/items}}\n",
        "  {{#yes}}  \nindented\n  {{/yes}}  \nafter\n", "a {{#yes}}inline{{/yes}} b\n", "{{! comment }}text",
        "line\n  {{! standalone comment }}\nnext\n", "{{!\nmulti\nline\n}}\nafter", "before {{! inline }} after",
        "{{> item}}", "{{#items}}{{> item}}{{/items}}", "<ul>\n  {{> item}}\n</ul>\n", "<div>\n    {{> lines}}\n</div>\n",
        "  {{> lines}}\n", "{{#items}}\n  {{> item}}\n{{/items}}\n", "x {{> lines}} y\n", "{{> nosuch}}|",
        "  {{> nosuch}}\nafter\n", "  {{> loop}}\n", "    {{> text}}\n", "\t{{> item-in-partial}}\n",
        "{{<parent}}{{/parent}}", "{{<parent}}{{$title}}own {{title}}{{/title}}{{/parent}}",
        "{{<parent}}\n{{$body}}\n  overridden body\n{{/body}}\n{{/parent}}\n", "{{> grand}}",
        "{{<grand}}{{$title}}outermost{{/title}}{{/grand}}",
        "  {{<parent}}\n  {{$body}}\n    indented override\n    second line\n  {{/body}}\n  {{/parent}}\n",
        "{{$title}}top-level default{{/title}}", "  {{<indented-block}}\n  {{/indented-block}}\n",
        "{{<indented-block}}\n{{$inner}}\nmine\n{{/inner}}\n{{/indented-block}}\n",
        "{{=<% %>=}}<% title %> {{title}} <%={{ }}=%>{{title}}", "{{=| |=}}\n|#yes|\nyes\n|/yes|\n",
        "{{#yes}}{{=<< >>=}}<<title>><</yes>>{{three}}",
        "{{count(names)}} {{count(none)}} {{empty(none)}} {{empty(names)}} {{count(items)}}",
        "{{first(names)}} {{last(names)}} {{first(none)}}|", "{{#reversed(names)}}{{.}}{{/reversed(names)}}",
        "{{#sorted(names)}}{{.}},{{/sorted(names)}}", "{{#first(items)}}{{name}}{{/first(items)}}",
        "{{uppercased(word)}} {{lowercased(word)}} {{reversed(word)}} {{capitalized(word)}} {{reversed(title)}}",
        "{{plusone(three)}} {{minusone(zero)}} {{#equalzero(zero)}}z{{/equalzero(zero)}} {{even(three)}} {{odd(three)}}",
        "{{#items}}{{plusone(index())}}. {{name}} {{/items}}", "{{count(t)}} {{empty(t)}}",
        "{{#sorted(t)}}{{key}}={{value}};{{/sorted(t)}}", "{{t.greeting}} {{t.missing}}|", "{{#t}}{{greeting}}{{/t}}",
        "{{uppercased(yes)}}|{{nosuchtransform(title)}}|{{empty(empty)}}", "{{crlf}}|{{combining}}|{{{combining}}}",
        "{{%CONTENT_TYPE: TEXT}}{{title}}", "{{%CONTENT_TYPE: TEXT}}{{#yes}}{{title}}{{/yes}}{{> item}}{{^no}}{{t.greeting}}{{/no}}",
        "{{names}} {{none}} {{nested.tags}}", "{{#nested}}{{#tags}}{{.}}{{/tags}}{{/nested}}",
        "{{#items}}{{^tags}}no tags for {{name}}{{/tags}}{{/items}}", "{{^none}}{{.}}{{/none}}", "{{>*partial_name}}",
        "trailing spaces  ", "{{#items}}{{#tags}}{{#items}}{{name}}{{/items}}{{/tags}}{{/items}}",
        "{{#yes}}\r\nA\r\n{{/yes}}\r\n", "  {{> lines}}\r\n", "{{#items}}{{#note}}[{{.}}]{{/note}}{{/items}}",
        "{{#absent_list}}x{{/absent_list}}{{^absent_list}}absent list{{/absent_list}}",
        "{{#items}}\n{{#flag}}\n  {{name}}\n{{/flag}}\n{{/items}}\n",
        "{{a..b}}|{{nested..name}}", "{{#names}}{{#first()}}{{.}}{{/first()}}{{/names}}", "\n\n  \n{{title}}\n  \n",
    ]

    /// Templates that do not parse: the message and place must match swift-mustache's.
    static let broken: [String] = [
        "{{#a}}unclosed", "{{#a}}{{/b}}", "x\n  {{name", "a {", "{{=<% =}}", "{{名前}}", "{{<parent}}{{title}}{{/parent}}",
        "{{$a(b)}}{{/a(b)}}", "{{%FOO: bar}}", "{{{a}}", "line1\nline2 {{#x}}\n{{/y}}", "{{! never closed", "{{a(b}}",
        "{{ #yes}}", "{{  # yes  }}spaced{{/yes}}", "{{/x}}", "{{%CONTENT_TYPE: XML}}", "{{a(b))}}", "ok\r\n  {{#a}}\r\n{{/b}}",
    ]
}
