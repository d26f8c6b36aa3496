// 日本語のカタログ：ほかの教材を基にしたコース（site.yml の base:、hide:、vars:）と kenshu base。
extension MessageCatalog {
    static let overlayJapanese: [MessageKey: Entry] = [
        .baseNotFound: Entry("'base:' の教材 '{0}' が見つかりません", fix: "site.yml のあるフォルダーからの相対パスで、基にする教材の Content フォルダーか、'kenshu export --format source' で作った zip を指定してください"),
        .baseLoop: Entry("基の教材をたどると '{0}' に戻ってきます", fix: "基の教材の site.yml が、この教材を 'base:' にしていないか確かめてください"),
        .baseTooDeep: Entry("基の教材が {0} 段より深く重なっています", fix: "途中の教材を 'kenshu export --format source' で 1 つにまとめ、それを 'base:' にしてください"),
        .baseArchiveUnreadable: Entry("'{0}' を zip として読めません：{1}", fix: "'kenshu export --format source' で作った zip をそのまま指定してください（展開したフォルダーでも使えます）"),
        .baseArchiveWithoutSite: Entry("zip '{0}' に site.yml がありません", fix: "'kenshu export --format source' で作った zip を指定してください"),
        .baseArchiveTooLarge: Entry("zip '{0}' を展開すると {1} MB を超えます。読み込みをやめました", fix: "教材の zip か確かめてください。大きな動画などは zip に入れず、別に配ってください"),
        .overlaySameID: Entry("この教材の id '{0}' が基の教材と同じです。両方を同じパソコンで開くと学習の記録が混ざります", fix: "'id: {1}' のように、この教材だけの id にしてください"),
        .hiddenFileNotInBase: Entry("'hide:' の '{0}' は基の教材にありません", fix: "基の教材の Content フォルダーからの相対パスで書いてください（例：'02-cloud/03-cost.md'）"),
        .baseChangedSinceAccepted: Entry("基の教材が、{0} に確認した版から変わっています（変更 {1}・追加 {2}・削除 {3}）", fix: "'kenshu base status' で一覧を見て、見直しが済んだら 'kenshu base accept' で記録してください"),
        .baseNeverAccepted: Entry("基の教材のどの版を確認したか、まだ記録されていません", fix: "'kenshu base accept' で今の版を記録すると、次からは基の教材の変更点が分かります"),
        .baseRecordUnreadable: Entry("base-accepted.yml を読めません：{0}", fix: "このファイルは Kenshu が書きます。消してから 'kenshu base accept' で作り直してください"),
        .hideWithoutBase: Entry("'hide:' は 'base:' と一緒に使います。この教材には 'base:' がありません", fix: "基にする教材を 'base:' で指定するか、'hide:' を消してください"),
        .notAnOverlay: Entry("'{0}' の site.yml に 'base:' がありません。ほかの教材を基にした教材ではありません", fix: "site.yml に 'base: ../基の教材/Content' のように書くか、'kenshu new --base' で始めてください"),
        .varsNotMapping: Entry("'vars' には '名前: 値' の組を書いてください", fix: "vars: の下の行に、字下げして '自治体名: 架空町' のように書いてください"),
        .variableNameInvalid: Entry("変数の名前 '{0}' は使えません", fix: "文字・数字・'_'・'-' だけの名前にしてください（例：'自治体名'、'担当課'）"),
        .unknownVariable: Entry("変数 '{0}' は site.yml の 'vars:' にありません", fix: "site.yml の 'vars:' に '{0}: 値' の行を足してください。変数ではなく、そのまま表示するなら '\\{{' と書いてください"),

        .cliNewOverlayCreated: Entry("'{0}' に、'{1}' を基にした教材を作りました。site.yml の vars: を自分の団体に合わせてから：cd {0} && kenshu build --open"),
        .cliBaseChangesHeader: Entry("基の教材 '{0}' で、{1} に確認した版から変わったファイル："),
        .cliBaseChanged: Entry("  変更  {0}"),
        .cliBaseAdded: Entry("  追加  {0}"),
        .cliBaseRemoved: Entry("  削除  {0}"),
        .cliBaseReplacedHere: Entry("（この教材で置き換えています。基の変更を取り込むか見比べてください）"),
        .cliBaseHiddenHere: Entry("（この教材では hide: で隠しています）"),
        .cliBaseUnchanged: Entry("基の教材 '{0}' は、{1} に確認した版から変わっていません"),
        .cliBaseNeverAccepted: Entry("基の教材 '{0}' のどの版を確認したか、まだ記録されていません"),
        .cliBaseAcceptHint: Entry("見直しが済んだら 'kenshu base accept' で記録してください"),
        .cliBaseAccepted: Entry("基の教材 '{0}' の今の版（{1} ファイル）を確認済みとして '{2}' に記録しました"),
    ]
}
