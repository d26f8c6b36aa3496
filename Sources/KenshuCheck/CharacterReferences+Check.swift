import KenshuCore

/// The HTML character reference decoder, shared with the Markdown stage's raw-HTML filter.
typealias CharacterReferences = KenshuCore.CharacterReferences
typealias NamedCharacterReferences = KenshuCore.NamedCharacterReferences
