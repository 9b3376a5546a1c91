package ui

import (
	"fmt"
	"strconv"
)

// Message keys of the user interface. Every key has a text in every
// language; TestMessagesComplete checks it.
const (
	msgTitle             = "title"
	msgHeadline          = "headline"
	msgTagline           = "tagline"
	msgSkip              = "skip"
	msgNavLabel          = "nav_label"
	msgNavHome           = "nav_home"
	msgNavCompare        = "nav_compare"
	msgNavAbout          = "nav_about"
	msgPresets           = "presets"
	msgSearch            = "search"
	msgSearchHint        = "search_hint"
	msgSort              = "sort"
	msgSortName          = "sort_name"
	msgSortScore         = "sort_score"
	msgView              = "view"
	msgViewAuto          = "view_auto"
	msgViewMatrix        = "view_matrix"
	msgViewCards         = "view_cards"
	msgDiff              = "diff"
	msgRequirements      = "requirements"
	msgChooseApps        = "choose_apps"
	msgChooseCriteria    = "choose_criteria"
	msgApply             = "apply"
	msgClear             = "clear"
	msgCount             = "count"
	msgCountReq          = "count_req"
	msgNoneKept          = "none_kept"
	msgMatrixCaption     = "matrix_caption"
	msgMessenger         = "messenger"
	msgScore             = "score"
	msgWhyNot            = "why_not"
	msgWhyNotIntro       = "why_not_intro"
	msgNoMatch           = "no_match"
	msgFails             = "fails"
	msgYes               = "yes"
	msgNo                = "no"
	msgUnknown           = "unknown"
	msgNone              = "none"
	msgNotice            = "notice"
	msgData              = "data"
	msgAudits            = "audits"
	msgSources           = "sources"
	msgSource            = "source"
	msgVerified          = "verified"
	msgHistory           = "history"
	msgUntil             = "until"
	msgClose             = "close"
	msgAllFacts          = "all_facts"
	msgDiscontinued      = "discontinued"
	msgHomepage          = "homepage"
	msgOpenFull          = "open_full"
	msgBuilderTitle      = "builder_title"
	msgBuilderIntro      = "builder_intro"
	msgPreset            = "preset"
	msgNoPreset          = "no_preset"
	msgTheme             = "theme"
	msgThemeAuto         = "theme_auto"
	msgThemeLight        = "theme_light"
	msgThemeDark         = "theme_dark"
	msgThemeContrast     = "theme_contrast"
	msgLanguage          = "language"
	msgPreview           = "preview"
	msgSnippet           = "snippet"
	msgCopy              = "copy"
	msgCopied            = "copied"
	msgWidgetTitle       = "widget_title"
	msgNavEmbed          = "nav_embed"
	msgJump              = "jump"
	msgNotFound          = "not_found"
	msgBack              = "back"
	msgPageNotFound      = "page_not_found"
	msgAllMessengers     = "all_messengers"
	msgSnippetHost       = "snippet_host"
	msgBootFailed        = "boot_failed"
	msgShowAllCriteria   = "show_all_criteria"
	msgAddedToCatalog    = "added_to_catalog"
	msgGuideOption       = "guide_option"
	msgKeyCriteria       = "key_criteria"
	msgGuideTitle        = "guide_title"
	msgGuideIntro        = "guide_intro"
	msgGuideSubmit       = "guide_submit"
	msgWhatItMeans       = "what_it_means"
	msgShortlist         = "shortlist"
	msgNoFullMatch       = "no_full_match"
	msgMoreFull          = "more_full"
	msgSeeTable          = "see_table"
	msgCompareThese      = "compare_these"
	msgGuideRule         = "guide_rule"
	msgTie               = "tie"
	msgWeaker            = "weaker"
	msgVerdictOne        = "verdict_one"
	msgVerdictAll        = "verdict_all"
	msgVerdictSome       = "verdict_some"
	msgFilters           = "filters"
	msgCompareWith       = "compare_with"
	msgDiscontinuedOn    = "discontinued_on"
	msgStatusTitle       = "status_title"
	msgStatusRecommended = "status_recommended"
	msgStatusListed      = "status_listed"
	msgStatusRemoved     = "status_removed"
	msgSlot              = "slot"
	msgPickTwo           = "pick_two"
	msgNoDifferences     = "no_differences"
	msgCompareCaption    = "compare_caption"
	msgCriterion         = "criterion"
	msgAboutTitle        = "about_title"
	msgCriteriaTitle     = "criteria_title"
	msgPresetsTitle      = "presets_title"
	msgLicenceTitle      = "licence_title"
	msgLicenceText       = "licence_text"
	msgContributeTitle   = "contribute_title"
	msgContributeText    = "contribute_text"
	msgNotChecked        = "not_checked"
	msgNavChanges        = "nav_changes"
	msgChangesTitle      = "changes_title"
	msgChangesIntro      = "changes_intro"
	msgFeed              = "feed"
	msgAllApps           = "all_apps"
	msgAllCriteria       = "all_criteria"
	msgSeveral           = "several"
	msgChangeCount       = "change_count"
	msgNoChanges         = "no_changes"
	msgServiceEnded      = "service_ended"
	msgCorrection        = "correction"
)

var messages = map[string]map[string]string{
	"en": {
		msgTitle:             "msgcompare: private messengers compared",
		msgHeadline:          "Which messenger protects you?",
		msgTagline:           "Private messengers compared on facts, each with its source and the date it was checked.",
		msgSkip:              "Skip to the comparison",
		msgNavLabel:          "Main",
		msgNavHome:           "Comparison",
		msgNavCompare:        "Side by side",
		msgNavAbout:          "About",
		msgPresets:           "Threat models:",
		msgSearch:            "Search",
		msgSearchHint:        "e.g. Tor, Switzerland",
		msgSort:              "Sort by",
		msgSortName:          "Name",
		msgSortScore:         "Requirements met",
		msgView:              "Layout",
		msgViewAuto:          "Automatic",
		msgViewMatrix:        "Table",
		msgViewCards:         "Cards",
		msgDiff:              "Differences only",
		msgRequirements:      "What must your messenger do?",
		msgChooseApps:        "Messengers shown: %d of %d",
		msgChooseCriteria:    "Criteria shown: %d of %d",
		msgApply:             "Apply",
		msgClear:             "Clear filters",
		msgCount:             "%d of %d messengers shown.",
		msgCountReq:          "Requirements active: %d.",
		msgNoneKept:          "No messenger meets all of them; see below what each one lacks.",
		msgMatrixCaption:     "Messengers by criterion. Select a value for its sources.",
		msgMessenger:         "Messenger",
		msgScore:             "%d of %d requirements met",
		msgWhyNot:            "Why not these?",
		msgWhyNotIntro:       "Messengers left out, with what each one lacks.",
		msgNoMatch:           "does not match the search",
		msgFails:             "needs %s, has:",
		msgYes:               "Yes",
		msgNo:                "No",
		msgUnknown:           "Unknown",
		msgNone:              "None",
		msgNotice:            "Some parts of the address were ignored:",
		msgData:              "Data version %s, updated %s, licensed CC BY-SA 4.0.",
		msgAudits:            "%d audits, latest %d",
		msgSources:           "Sources",
		msgSource:            "source",
		msgVerified:          "Verified on %s",
		msgHistory:           "Earlier values",
		msgUntil:             "until %s",
		msgClose:             "Close",
		msgAllFacts:          "All facts about %s",
		msgDiscontinued:      "discontinued",
		msgHomepage:          "Homepage",
		msgOpenFull:          "Open the full comparison ↗",
		msgBuilderTitle:      "Embed msgcompare on your site",
		msgBuilderIntro:      "Choose what the widget shows, check the preview, then copy the snippet into your page. The widget makes no request to any other site and sets no cookies.",
		msgPreset:            "Threat model",
		msgNoPreset:          "None",
		msgTheme:             "Theme",
		msgThemeAuto:         "Follow the system",
		msgThemeLight:        "Light",
		msgThemeDark:         "Dark",
		msgThemeContrast:     "High contrast",
		msgLanguage:          "Language",
		msgPreview:           "Preview",
		msgSnippet:           "Snippet",
		msgCopy:              "Copy snippet",
		msgCopied:            "Copied.",
		msgWidgetTitle:       "Private messenger comparison",
		msgNavEmbed:          "Embed",
		msgJump:              "Jump to the results (%d) ↓",
		msgNotFound:          "No messenger has this id.",
		msgBack:              "Back to the comparison",
		msgGuideTitle:        "Which one should I pick?",
		msgGuideIntro:        "Answer what matters to you. The shortlist shows why each messenger is on it.",
		msgGuideSubmit:       "Show my shortlist",
		msgWhatItMeans:       "What this means",
		msgShortlist:         "Your shortlist",
		msgNoFullMatch:       "No messenger meets all your needs. These come closest:",
		msgMoreFull:          "%d more meet all your needs.",
		msgSeeTable:          "See the table",
		msgCompareThese:      "Compare these side by side",
		msgGuideRule:         "How the list is ordered: first by how many of your needs a messenger meets, then by how many of the %d privacy-positive facts it has (such as forward secrecy), then by name. Equal places are marked as ties.",
		msgTie:               "tie",
		msgWeaker:            "Weaker than the others here:",
		msgVerdictOne:        "Meets your need.",
		msgVerdictAll:        "Meets all %d of your needs.",
		msgVerdictSome:       "Meets %d of your %d needs; misses: %s.",
		msgFilters:           "Filters (%d)",
		msgPageNotFound:      "Page not found",
		msgShowAllCriteria:   "Show all %d criteria",
		msgAddedToCatalog:    "Added to the comparison",
		msgGuideOption:       "Open with the guide's shortlist for these needs (%d chosen)",
		msgKeyCriteria:       "Show the key criteria only",
		msgBootFailed:        "The interactive version could not load here. The page still works: each choice reloads it with the result.",
		msgAllMessengers:     "Every messenger in the comparison",
		msgSnippetHost:       "Put this site's address (https://…) in front of /embed and /embed.js.",
		msgCompareWith:       "Compare side by side",
		msgDiscontinuedOn:    "Discontinued on %s.",
		msgStatusTitle:       "Curator verdicts",
		msgStatusRecommended: "recommended",
		msgStatusListed:      "listed",
		msgStatusRemoved:     "removed",
		msgSlot:              "Messenger %d",
		msgPickTwo:           "Choose at least two messengers to compare.",
		msgNoDifferences:     "These messengers agree on every criterion shown.",
		msgCompareCaption:    "Side by side. Open a value for its sources.",
		msgCriterion:         "Criterion",
		msgAboutTitle:        "About msgcompare",
		msgCriteriaTitle:     "Criteria",
		msgPresetsTitle:      "Threat models (presets)",
		msgLicenceTitle:      "Data licence",
		msgLicenceText:       "The catalog is open data under CC BY-SA 4.0: reuse it with credit and under the same licence. Download it as",
		msgContributeTitle:   "How to contribute",
		msgNotChecked:        "Not checked since %s: this may be out of date.",
		msgNavChanges:        "Changes",
		msgChangesTitle:      "What changed",
		msgChangesIntro:      "Every dated change in the catalog, newest first: facts that changed, curators' verdicts, messengers discontinued, each with its sources.",
		msgFeed:              "Atom feed",
		msgAllApps:           "All messengers",
		msgAllCriteria:       "All criteria",
		msgSeveral:           "%d chosen",
		msgChangeCount:       "Changes shown: %d.",
		msgNoChanges:         "No recorded change matches this choice.",
		msgServiceEnded:      "Service discontinued",
		msgCorrection:        "Report a correction ↗",
		msgContributeText:    "Every fact lives in a plain JSON file per messenger (data/apps/<id>.json in the source). To correct or add one, change the value, add a source URL and the date you checked it, and run make validate, which names the file, field and what it expected for each mistake. docs/data.md in the source explains every field.",
	},
	"de": {
		msgTitle:             "msgcompare: sichere Messenger im Vergleich",
		msgHeadline:          "Welcher Messenger schützt dich?",
		msgTagline:           "Sichere Messenger im Faktenvergleich, jede Angabe mit Quelle und Prüfdatum.",
		msgSkip:              "Zum Vergleich springen",
		msgNavLabel:          "Hauptnavigation",
		msgNavHome:           "Vergleich",
		msgNavCompare:        "Gegenüberstellung",
		msgNavAbout:          "Über",
		msgPresets:           "Bedrohungsmodelle:",
		msgSearch:            "Suche",
		msgSearchHint:        "z. B. Tor, Schweiz",
		msgSort:              "Sortieren nach",
		msgSortName:          "Name",
		msgSortScore:         "Erfüllte Anforderungen",
		msgView:              "Darstellung",
		msgViewAuto:          "Automatisch",
		msgViewMatrix:        "Tabelle",
		msgViewCards:         "Karten",
		msgDiff:              "Nur Unterschiede",
		msgRequirements:      "Was muss dein Messenger können?",
		msgChooseApps:        "Angezeigte Messenger: %d von %d",
		msgChooseCriteria:    "Angezeigte Kriterien: %d von %d",
		msgApply:             "Anwenden",
		msgClear:             "Filter zurücksetzen",
		msgCount:             "%d von %d Messengern angezeigt.",
		msgCountReq:          "Aktive Anforderungen: %d.",
		msgNoneKept:          "Kein Messenger erfüllt alle; unten steht, was jedem fehlt.",
		msgMatrixCaption:     "Messenger nach Kriterien. Einen Wert wählen, um seine Quellen zu sehen.",
		msgMessenger:         "Messenger",
		msgScore:             "%d von %d Anforderungen erfüllt",
		msgWhyNot:            "Warum nicht diese?",
		msgWhyNotIntro:       "Ausgeschlossene Messenger und was ihnen fehlt.",
		msgNoMatch:           "passt nicht zur Suche",
		msgFails:             "verlangt %s, hat:",
		msgYes:               "Ja",
		msgNo:                "Nein",
		msgUnknown:           "Unbekannt",
		msgNone:              "Keine",
		msgNotice:            "Einige Teile der Adresse wurden ignoriert:",
		msgData:              "Datenstand %s vom %s, Lizenz CC BY-SA 4.0.",
		msgAudits:            "%d Audits, zuletzt %d",
		msgSources:           "Quellen",
		msgSource:            "Quelle",
		msgVerified:          "Geprüft am %s",
		msgHistory:           "Frühere Werte",
		msgUntil:             "bis %s",
		msgClose:             "Schließen",
		msgAllFacts:          "Alle Fakten zu %s",
		msgDiscontinued:      "eingestellt",
		msgHomepage:          "Website",
		msgOpenFull:          "Vollständigen Vergleich öffnen ↗",
		msgBuilderTitle:      "msgcompare auf deiner Website einbinden",
		msgBuilderIntro:      "Wähle, was das Widget zeigt, prüfe die Vorschau und kopiere dann den Code in deine Seite. Das Widget stellt keine Anfragen an andere Websites und setzt keine Cookies.",
		msgPreset:            "Bedrohungsmodell",
		msgNoPreset:          "Keines",
		msgTheme:             "Farbschema",
		msgThemeAuto:         "Wie das System",
		msgThemeLight:        "Hell",
		msgThemeDark:         "Dunkel",
		msgThemeContrast:     "Hoher Kontrast",
		msgLanguage:          "Sprache",
		msgPreview:           "Vorschau",
		msgSnippet:           "Code zum Einfügen",
		msgCopy:              "Code kopieren",
		msgCopied:            "Kopiert.",
		msgWidgetTitle:       "Vergleich sicherer Messenger",
		msgNavEmbed:          "Einbinden",
		msgJump:              "Zu den Ergebnissen (%d) ↓",
		msgNotFound:          "Kein Messenger hat diese Kennung.",
		msgBack:              "Zurück zum Vergleich",
		msgGuideTitle:        "Welchen soll ich nehmen?",
		msgGuideIntro:        "Beantworten Sie, was Ihnen wichtig ist. Die Auswahlliste zeigt, warum jeder Messenger darauf steht.",
		msgGuideSubmit:       "Meine Auswahl zeigen",
		msgWhatItMeans:       "Was das bedeutet",
		msgShortlist:         "Ihre Auswahl",
		msgNoFullMatch:       "Kein Messenger erfüllt alle Ihre Anforderungen. Diese kommen am nächsten:",
		msgMoreFull:          "%d weitere erfüllen alle Ihre Anforderungen.",
		msgSeeTable:          "Zur Tabelle",
		msgCompareThese:      "Diese nebeneinander vergleichen",
		msgGuideRule:         "So ist die Liste geordnet: zuerst nach der Zahl Ihrer erfüllten Anforderungen, dann nach der Zahl der %d datenschutzfreundlichen Eigenschaften (etwa Forward Secrecy), dann nach Name. Gleichstände sind gekennzeichnet.",
		msgTie:               "gleichauf",
		msgWeaker:            "Schwächer als die anderen bei:",
		msgVerdictOne:        "Erfüllt Ihre Anforderung.",
		msgVerdictAll:        "Erfüllt alle %d Ihrer Anforderungen.",
		msgVerdictSome:       "Erfüllt %d von %d Anforderungen; nicht erfüllt: %s.",
		msgFilters:           "Filter (%d)",
		msgPageNotFound:      "Seite nicht gefunden",
		msgShowAllCriteria:   "Alle %d Kriterien zeigen",
		msgAddedToCatalog:    "In den Vergleich aufgenommen",
		msgGuideOption:       "Mit der Auswahlliste für diese Anforderungen öffnen (%d gewählt)",
		msgKeyCriteria:       "Nur die wichtigsten Kriterien zeigen",
		msgBootFailed:        "Die interaktive Fassung konnte hier nicht laden. Die Seite funktioniert trotzdem: Jede Auswahl lädt sie mit dem Ergebnis neu.",
		msgAllMessengers:     "Alle Messenger im Vergleich",
		msgSnippetHost:       "Setzen Sie die Adresse dieser Website (https://…) vor /embed und /embed.js.",
		msgCompareWith:       "Gegenüberstellen",
		msgDiscontinuedOn:    "Eingestellt am %s.",
		msgStatusTitle:       "Bewertungen von Kuratoren",
		msgStatusRecommended: "empfohlen",
		msgStatusListed:      "gelistet",
		msgStatusRemoved:     "entfernt",
		msgSlot:              "Messenger %d",
		msgPickTwo:           "Wähle mindestens zwei Messenger zum Vergleichen.",
		msgNoDifferences:     "Diese Messenger stimmen in allen gezeigten Kriterien überein.",
		msgCompareCaption:    "Gegenüberstellung. Einen Wert öffnen, um seine Quellen zu sehen.",
		msgCriterion:         "Kriterium",
		msgAboutTitle:        "Über msgcompare",
		msgCriteriaTitle:     "Kriterien",
		msgPresetsTitle:      "Bedrohungsmodelle (Voreinstellungen)",
		msgLicenceTitle:      "Datenlizenz",
		msgLicenceText:       "Der Katalog ist offene Daten unter CC BY-SA 4.0: Nutzung mit Namensnennung und unter gleicher Lizenz. Herunterladen als",
		msgContributeTitle:   "Mitmachen",
		msgNotChecked:        "Nicht geprüft seit %s: das kann veraltet sein.",
		msgNavChanges:        "Änderungen",
		msgChangesTitle:      "Was sich geändert hat",
		msgChangesIntro:      "Jede datierte Änderung im Katalog, die neueste zuerst: geänderte Fakten, Bewertungen von Kuratoren, eingestellte Messenger, jeweils mit Quellen.",
		msgFeed:              "Atom-Feed",
		msgAllApps:           "Alle Messenger",
		msgAllCriteria:       "Alle Kriterien",
		msgSeveral:           "%d ausgewählt",
		msgChangeCount:       "Angezeigte Änderungen: %d.",
		msgNoChanges:         "Keine erfasste Änderung passt zu dieser Auswahl.",
		msgServiceEnded:      "Dienst eingestellt",
		msgCorrection:        "Korrektur melden ↗",
		msgContributeText:    "Jeder Fakt steht in einer einfachen JSON-Datei pro Messenger (data/apps/<id>.json im Quelltext). Zum Korrigieren oder Ergänzen den Wert ändern, eine Quell-URL und das Prüfdatum angeben und make validate ausführen; es nennt zu jedem Fehler Datei, Feld und Erwartung. docs/data.md im Quelltext erklärt jedes Feld.",
	},
}

// t returns the message key in lang, falling back to English.
func t(lang, key string) string {
	if s, ok := messages[lang][key]; ok {
		return s
	}
	return messages["en"][key]
}

// fmtMsg formats the message key in lang with args.
func fmtMsg(lang, key string, args ...any) string {
	return fmt.Sprintf(t(lang, key), args...)
}

func itoa(i int) string { return strconv.Itoa(i) }

// aboutParagraphs is the methodology, per language.
var aboutParagraphs = map[string][]string{
	"en": {
		"msgcompare compares private real-time messengers on typed criteria: identity, encryption, metadata and network, transparency and audits, platforms and features, and the organisation behind each app. Filters and presets turn a threat model into requirements; the messengers that fail them stay visible with the reasons.",
		"Every value in the catalog has at least one source, primary where possible (the app's documentation, specification, source code or audit report), and the date someone last checked it. When a fact changed, the earlier values stay in its history with dates. When no reliable source could be found, the value is marked unknown with a note, rather than guessed.",
		"The comparison started from Privacy Guides' recommendations for real-time communication; their minimum and best-case criteria are available as presets. msgcompare makes no request to any other site, sets no cookies and collects no analytics.",
	},
	"de": {
		"msgcompare vergleicht sichere Echtzeit-Messenger anhand typisierter Kriterien: Identität, Verschlüsselung, Metadaten und Netzwerk, Transparenz und Prüfungen, Plattformen und Funktionen sowie die Organisation hinter jeder App. Filter und Voreinstellungen machen aus einem Bedrohungsmodell Anforderungen; Messenger, die sie nicht erfüllen, bleiben mit Begründung sichtbar.",
		"Jeder Wert im Katalog hat mindestens eine Quelle, wenn möglich eine Primärquelle (Dokumentation, Spezifikation, Quelltext oder Prüfbericht der App), und das Datum der letzten Prüfung. Hat sich ein Fakt geändert, bleiben frühere Werte mit Datum in seinem Verlauf. Fehlt eine verlässliche Quelle, ist der Wert als unbekannt markiert und erklärt, statt geraten.",
		"Der Vergleich begann mit den Empfehlungen von Privacy Guides für Echtzeitkommunikation; deren Mindest- und Idealkriterien gibt es als Voreinstellungen. msgcompare stellt keine Anfragen an andere Websites, setzt keine Cookies und erhebt keine Statistiken.",
	},
}
