// Unicode property names accepted by PCRE2 10.42 after \p and \P (loose-matched: lower-cased,
// with spaces, hyphens and underscores removed). Generated from `pcre2test -LS` and `pcre2test -LP`
// (Debian pcre2-utils 10.42) plus the general categories, the special PCRE2 properties (Any, L&, Xan,
// Xps, Xsp, Xuc, Xwd) and the Bidi_Class values; every name was checked against pcre2test.

function words(s: string): Set<string> {
  return new Set(s.split(' ').filter((w) => w.length > 0));
}

/** Script names and their 4-letter abbreviations (valid alone and after sc:/scx:/script:/scriptextensions:). */
export const PCRE2_SCRIPTS: ReadonlySet<string> = words(
  'adlam adlm aghb ahom anatolianhieroglyphs arab arabic armenian armi armn avestan avst bali balinese ' +
    'bamu bamum bass bassavah batak batk beng bengali bhaiksuki bhks bopo bopomofo brah brahmi brai ' +
    'braille bugi buginese buhd buhid cakm canadianaboriginal cans cari carian caucasianalbanian chakma ' +
    'cham cher cherokee chorasmian chrs common copt coptic cpmn cprt cuneiform cypriot cyprominoan ' +
    'cyrillic cyrl deseret deva devanagari diak divesakuru dogr dogra dsrt dupl duployan egyp ' +
    'egyptianhieroglyphs elba elbasan elym elymaic ethi ethiopic geor georgian glag glagolitic gong gonm ' +
    'goth gothic gran grantha greek grek gujarati gujr gunjalagondi gurmukhi guru han hang hangul hani ' +
    'hanifirohingya hano hanunoo hatr hatran hebr hebrew hira hiragana hluw hmng hmnp hung ' +
    'imperialaramaic inherited inscriptionalpahlavi inscriptionalparthian ital java javanese kaithi kali ' +
    'kana kannada katakana kayahli khar kharoshthi khitansmallscript khmer khmr khoj khojki khudawadi ' +
    'kits knda kthi lana lao laoo latin latn lepc lepcha limb limbu lina linb lineara linearb lisu lyci ' +
    'lycian lydi lydian mahajani mahj maka makasar malayalam mand mandaic mani manichaean marc marchen ' +
    'masaramgondi medefaidrin medf meeteimayek mend mendekikakui merc mero meroiticcursive ' +
    'meroitichieroglyphs miao mlym modi mong mongolian mro mroo mtei mult multani myanmar mymr nabataean ' +
    'nand nandinagari narb nbat newa newtailue nko nkoo nshu nushu nyiakengpuachuehmong ogam ogham ' +
    'olchiki olck oldhungarian olditalic oldnortharabian oldpermic oldpersian oldsogdian oldsoutharabian ' +
    'oldturkic olduyghur oriya orkh orya osage osge osma osmanya ougr pahawhhmong palm palmyrene pauc ' +
    'paucinhau perm phag phagspa phli phlp phnx phoenician plrd prti psalterpahlavi qaac qaai rejang rjng ' +
    'rohg runic runr samaritan samr sarb saur saurashtra sgnw sharada shavian shaw shrd sidd siddham ' +
    'signwriting sind sinh sinhala sogd sogdian sogo sora sorasompeng soyo soyombo sund sundanese sylo ' +
    'sylotinagri syrc syriac tagalog tagb tagbanwa taile taitham taiviet takr takri tale talu tamil taml ' +
    'tang tangsa tangut tavt telu telugu tfng tglg thaa thaana thai tibetan tibt tifinagh tirh tirhuta ' +
    'tnsa toto ugar ugaritic unknown vai vaii vith vithkuqi wancho wara warangciti wcho xpeo xsux yezi ' +
    'yezidi yi yiii zanabazarsquare zanb zinh zyyy zzzz ' +
    // Unicode 15 scripts added in PCRE2 10.43+: accepted so that newer systems never get a false alarm.
    'kawi nagm nagmundari',
);

/** Other property names: general categories, PCRE2 specials, binary properties, "bidi" + Bidi_Class value. */
export const PCRE2_OTHER_PROPERTIES: ReadonlySet<string> = words(
  'c cc cf cn co cs l l& lc ll lm lo lt lu m mc me mn n nd nl no p pc pd pe pf pi po ps s sc sk sm so z ' +
    'zl zp zs any xan xps xsp xuc xwd ahex alpha alphabetic ascii asciihexdigit bidic bidicontrol bidim ' +
    'bidimirrored cased caseignorable changeswhencasefolded changeswhencasemapped changeswhenlowercased ' +
    'changeswhentitlecased changeswhenuppercased ci cwcf cwcm cwl cwt cwu dash defaultignorablecodepoint ' +
    'dep deprecated di dia diacritic ebase ecomp emod emoji emojicomponent emojimodifier ' +
    'emojimodifierbase emojipresentation epres ext extendedpictographic extender extpict graphemebase ' +
    'graphemeextend graphemelink grbase grext grlink hex hexdigit idc idcontinue ideo ideographic ids ' +
    'idsb idsbinaryoperator idst idstart idstrinaryoperator joinc joincontrol loe logicalorderexception ' +
    'lower lowercase math nchar noncharactercodepoint patsyn patternsyntax patternwhitespace patws pcm ' +
    'prependedconcatenationmark qmark quotationmark radical regionalindicator ri sd sentenceterminal ' +
    'softdotted space sterm term terminalpunctuation uideo unifiedideograph upper uppercase ' +
    'variationselector vs whitespace wspace xidc xidcontinue xids xidstart bidial bidian bidib bidibn ' +
    'bidics bidien bidies bidiet bidifsi bidil bidilre bidilri bidilro bidinsm bidion bidipdf bidipdi ' +
    'bidir bidirle bidirli bidirlo bidis bidiws ' +
    '',
);
