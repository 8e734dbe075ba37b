<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AgendaModel</name>
    <message>
        <source>Only one of this group per slot: %1</source>
        <translation>Maar één uit deze groep per tijdvak: %1</translation>
    </message>
    <message>
        <source>Overlaps with %1</source>
        <translation>Overlapt met %1</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>Cannot open your data</source>
        <translation>Uw gegevens kunnen niet worden geopend</translation>
    </message>
    <message>
        <source>%1 is a return file for the organisers: they collate it in the Organiser window (fieldvisit organiser) with their key.</source>
        <translation>%1 is een terugzending voor de organisatoren: zij verzamelen die in het organisatorvenster (fieldvisit organiser) met hun sleutel.</translation>
    </message>
    <message>
        <source>Cannot open %1 here.</source>
        <translation>%1 kan hier niet worden geopend.</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <source>&lt;h3&gt;A passcode is required for this event&lt;/h3&gt;&lt;p&gt;The organisers ask that notes and questionnaire answers for this event are kept only on a laptop where they are encrypted. Protect your notes with a passcode to see and write them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Voor dit evenement is een toegangscode vereist&lt;/h3&gt;&lt;p&gt;De organisatoren vragen dat notities en antwoorden op vragenlijsten voor dit evenement alleen bewaard worden op een laptop waar ze versleuteld zijn. Beveilig uw notities met een toegangscode om ze te zien en te schrijven.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Protect with a &amp;passcode…</source>
        <translation>Beveiligen met een &amp;toegangscode…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <source>Lock the window now (Ctrl+L)</source>
        <translation>Het venster nu vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <source>Locked — Field Visit Companion</source>
        <translation>Vergrendeld — Field Visit Companion</translation>
    </message>
</context>
<context>
    <name>ChangeLabels</name>
    <message>
        <source>%1 changed</source>
        <translation>%1 gewijzigd</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>ContactsSection</name>
    <message>
        <source>Search contacts</source>
        <translation>Contacten doorzoeken</translation>
    </message>
    <message>
        <source>Emergency and duty</source>
        <translation>Nood en dienst</translation>
    </message>
    <message>
        <source>Organisers</source>
        <translation>Organisatoren</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>Gastheren en -vrouwen</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Gespreksleiders</translation>
    </message>
    <message>
        <source>Chairs</source>
        <translation>Voorzitters</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <source>Contact card</source>
        <translation>Contactkaart</translation>
    </message>
    <message>
        <source>Copy as vCa&amp;rd</source>
        <translation>Kopiëren als vCa&amp;rd</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>Kopiëren als &amp;tekst</translation>
    </message>
    <message>
        <source>E&amp;xport contact…</source>
        <translation>Contact e&amp;xporteren…</translation>
    </message>
    <message>
        <source>Export &amp;all…</source>
        <translation>&amp;Alle exporteren…</translation>
    </message>
    <message>
        <source>Save every contact shown in one .vcf file</source>
        <translation>Alle getoonde contacten in één .vcf-bestand opslaan</translation>
    </message>
    <message>
        <source>Choose a contact.</source>
        <translation>Kies een contact.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Talen</translation>
    </message>
    <message>
        <source>This person&apos;s phone and email are not shared in the contact list.</source>
        <translation>Telefoon en e-mail van deze persoon worden niet gedeeld in de contactenlijst.</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Contacten exporteren</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>vCard-bestanden (*.vcf)</translation>
    </message>
    <message>
        <source>Contacts not exported</source>
        <translation>Contacten niet geëxporteerd</translation>
    </message>
    <message>
        <source>Note on this &amp;person</source>
        <translation>Notitie over deze &amp;persoon</translation>
    </message>
    <message>
        <source>Start a note about this person (Ctrl+N)</source>
        <translation>Begin een notitie over deze persoon (Ctrl+N)</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>Hosts these stops</source>
        <translation>Gastheer of gastvrouw bij deze stops</translation>
    </message>
    <message>
        <source>Your notes on this person</source>
        <translation>Je notities over deze persoon</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privé</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(lege notitie)</translation>
    </message>
    <message>
        <source>None yet: Note on this person (Ctrl+N) starts one.</source>
        <translation>Nog geen: Notitie over deze persoon (Ctrl+N) begint er een.</translation>
    </message>
</context>
<context>
    <name>DataclassTableModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <source>Show documents of</source>
        <translation>Documenten tonen van</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Tonen:</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Vertrouwelijk</translation>
    </message>
    <message>
        <source>not opened yet</source>
        <translation>nog niet geopend</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <source>Show the document (in the app when possible)</source>
        <translation>Het document tonen (in de app als dat kan)</translation>
    </message>
    <message>
        <source>Open in &amp;system viewer</source>
        <translation>Openen in &amp;standaardprogramma</translation>
    </message>
    <message>
        <source>Open a read-only copy with the computer&apos;s own viewer</source>
        <translation>Een alleen-lezen kopie openen in het standaardprogramma van de computer</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Documenttekst</translation>
    </message>
    <message>
        <source>Document picture</source>
        <translation>Documentafbeelding</translation>
    </message>
    <message>
        <source>Choose a document.</source>
        <translation>Kies een document.</translation>
    </message>
    <message>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <source>Session: {}</source>
        <translation>Sessie: {}</translation>
    </message>
    <message>
        <source>Choose a document, then Open.</source>
        <translation>Kies een document en dan Openen.</translation>
    </message>
    <message>
        <source>This event&apos;s pack carries no documents.</source>
        <translation>Het pakket van dit evenement bevat geen documenten.</translation>
    </message>
    <message>
        <source>Opening {}…</source>
        <translation>{} openen…</translation>
    </message>
    <message>
        <source>“{}” was opened in your system viewer from a read-only copy that is deleted when you quit.</source>
        <translation>“{}” is geopend in het standaardprogramma, vanuit een alleen-lezen kopie die bij het afsluiten wordt verwijderd.</translation>
    </message>
    <message>
        <source>This picture cannot be shown.</source>
        <translation>Deze afbeelding kan niet worden getoond.</translation>
    </message>
    <message>
        <source>Not opened: {}</source>
        <translation>Niet geopend: {}</translation>
    </message>
    <message>
        <source>Confidential: not shared</source>
        <translation>Vertrouwelijk: niet gedeeld</translation>
    </message>
    <message>
        <source>Attendees only: do not forward</source>
        <translation>Alleen voor deelnemers: niet doorsturen</translation>
    </message>
    <message>
        <source>Illustrative</source>
        <translation>Ter illustratie</translation>
    </message>
    <message>
        <source>“{}” is confidential and not shared: it is not available in this pack, and the app cannot open it. It is listed so that you know it was presented.</source>
        <translation>“{}” is vertrouwelijk en wordt niet gedeeld: het zit niet in dit pakket en de app kan het niet openen. Het staat in de lijst zodat u weet dat het gepresenteerd is.</translation>
    </message>
    <message>
        <source>“{}” is listed by its address only; the pack does not carry it.</source>
        <translation>“{}” staat alleen met zijn adres in de lijst; het pakket bevat het niet.</translation>
    </message>
    <message>
        <source>“{}” is for attendees only: do not forward it. It opens read-only and is never put in an export or a return.</source>
        <translation>“{}” is alleen voor deelnemers: stuur het niet door. Het opent alleen-lezen en komt nooit in een export of een retour.</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Emergency contacts</source>
        <translation>Noodcontacten</translation>
    </message>
    <message>
        <source>In an emergency, call the local emergency number &lt;b&gt;112&lt;/b&gt;.</source>
        <translation>Bel in een noodgeval het alarmnummer &lt;b&gt;112&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Emergency and duty contacts</source>
        <translation>Nood- en dienstcontacten</translation>
    </message>
    <message>
        <source>This event lists no emergency contacts.</source>
        <translation>Dit evenement noemt geen noodcontacten.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Notes booklet (&amp;Markdown)…</source>
        <translation>Notities als boekje (&amp;Markdown)…</translation>
    </message>
    <message>
        <source>Notes booklet (&amp;PDF)…</source>
        <translation>Notities als boekje (&amp;PDF)…</translation>
    </message>
    <message>
        <source>My &amp;agenda (.ics)…</source>
        <translation>Mijn &amp;agenda (.ics)…</translation>
    </message>
    <message>
        <source>&amp;Contacts (.vcf)…</source>
        <translation>&amp;Contacten (.vcf)…</translation>
    </message>
    <message>
        <source>&amp;Itinerary (.gpx)…</source>
        <translation>&amp;Route (.gpx)…</translation>
    </message>
    <message>
        <source>Install an event pack first.</source>
        <translation>Installeer eerst een evenementpakket.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Notes: %1</source>
        <translation>Notities: %1</translation>
    </message>
    <message>
        <source>PDF booklet written</source>
        <translation>PDF-boekje opgeslagen</translation>
    </message>
    <message>
        <source>Export: writes a readable file, not encrypted</source>
        <translation>Exporteren: schrijft een leesbaar bestand, niet versleuteld</translation>
    </message>
    <message>
        <source>not encrypted: anyone who gets this file can read it</source>
        <translation>niet versleuteld: iedereen die dit bestand krijgt, kan het lezen</translation>
    </message>
    <message>
        <source>Include my &amp;private notes</source>
        <translation>Ook mijn &amp;privénotities opnemen</translation>
    </message>
    <message>
        <source>Private notes are left out unless you tick this; they are marked.</source>
        <translation>Privénotities blijven erbuiten tenzij je dit aanvinkt; ze worden gemarkeerd.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Note history</source>
        <translation>Geschiedenis van de notitie</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <source>Revision text</source>
        <translation>Tekst van de versie</translation>
    </message>
    <message>
        <source>&amp;Revisions (newest first):</source>
        <translation>&amp;Versies (nieuwste eerst):</translation>
    </message>
    <message>
        <source>Restore &amp;this revision</source>
        <translation>Deze versie &amp;terugzetten</translation>
    </message>
    <message>
        <source>Make this text current again; the text you have now stays in the history</source>
        <translation>Deze tekst weer de huidige maken; de tekst van nu blijft in de geschiedenis</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>&amp;Open event pack…</source>
        <translation>Evenementpakket &amp;openen…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <source>&amp;Jump to now</source>
        <translation>Naar &amp;nu</translation>
    </message>
    <message>
        <source>&amp;Emergency contacts</source>
        <translation>Noo&amp;dcontacten</translation>
    </message>
    <message>
        <source>&amp;About Field Visit Companion</source>
        <translation>&amp;Over Veldbezoek-assistent</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <source>Even&amp;t:</source>
        <translation>&amp;Evenement:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evenement</translation>
    </message>
    <message>
        <source>Switch between installed events</source>
        <translation>Wissel tussen geïnstalleerde evenementen</translation>
    </message>
    <message>
        <source>Emergency contacts</source>
        <translation>Noodcontacten</translation>
    </message>
    <message>
        <source>Emergency and duty contacts (Ctrl+E)</source>
        <translation>Nood- en dienstcontacten (Ctrl+E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Pretend time</source>
        <translation>Doe-alsof-tijd</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Field Visit Companion</source>
        <translation>Veldbezoek-assistent</translation>
    </message>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
    <message>
        <source>Pretend time: %1</source>
        <translation>Doe-alsof-tijd: %1</translation>
    </message>
    <message>
        <source>About Field Visit Companion</source>
        <translation>Over Veldbezoek-assistent</translation>
    </message>
    <message>
        <source>&lt;b&gt;Field Visit Companion %1&lt;/b&gt;&lt;p&gt;An offline companion for delegates at practitioner conferences and field visits. Your notes and answers stay on this computer until you choose to send them.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Veldbezoek-assistent %1&lt;/b&gt;&lt;p&gt;Een offline hulpmiddel voor deelnemers aan vakconferenties en veldbezoeken. Uw notities en antwoorden blijven op deze computer tot u ervoor kiest ze te versturen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Search the programme and your notes</source>
        <translation>Doorzoek het programma en uw notities</translation>
    </message>
    <message>
        <source>Jump to now in the programme</source>
        <translation>Naar nu in het programma</translation>
    </message>
    <message>
        <source>Open an event pack</source>
        <translation>Een evenementpakket openen</translation>
    </message>
    <message>
        <source>Today … Alt+7 Documents</source>
        <translation>Vandaag … Alt+7 Documenten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <source>Send to &amp;organisers…</source>
        <translation>&amp;Verzenden naar organisatoren…</translation>
    </message>
    <message>
        <source>Send to organisers</source>
        <translation>Verzenden naar organisatoren</translation>
    </message>
    <message>
        <source>Install an event pack first.</source>
        <translation>Installeer eerst een evenementpakket.</translation>
    </message>
    <message>
        <source>Return written: %1</source>
        <translation>Terugzending opgeslagen: %1</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <source>&amp;New note on what is selected</source>
        <translation>&amp;Nieuwe notitie bij wat geselecteerd is</translation>
    </message>
    <message>
        <source>A note on the session, stop or person selected or open; else your own</source>
        <translation>Een notitie bij de geselecteerde of geopende sessie, stop of persoon; anders een eigen notitie</translation>
    </message>
    <message>
        <source>New note of your &amp;own</source>
        <translation>Nieuwe &amp;eigen notitie</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Notitietekst</translation>
    </message>
    <message>
        <source>Write here. Your note is saved once your data is open.</source>
        <translation>Schrijf hier. Je notitie wordt bewaard zodra je gegevens open zijn.</translation>
    </message>
    <message>
        <source>New note on the session, stop or person selected</source>
        <translation>Nieuwe notitie bij de geselecteerde sessie, stop of persoon</translation>
    </message>
    <message>
        <source>New note of your own</source>
        <translation>Nieuwe eigen notitie</translation>
    </message>
    <message>
        <source>&amp;Remove event…</source>
        <translation>Evenement &amp;verwijderen…</translation>
    </message>
    <message>
        <source>&amp;Sample events…</source>
        <translation>&amp;Voorbeeldevenementen…</translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation>E&amp;venement</translation>
    </message>
    <message>
        <source>A note typed just before the app last stopped was kept: see Notes.</source>
        <translation>Een notitie die vlak voordat de app de vorige keer stopte werd getypt, is bewaard: zie Notities.</translation>
    </message>
    <message>
        <source>The new language is used from the next start of the app.</source>
        <translation>De nieuwe taal wordt gebruikt vanaf de volgende start van de app.</translation>
    </message>
    <message>
        <source>Programme timeline</source>
        <translation>Tijdlijn van het programma</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Normal size</source>
        <translation>Normale grootte</translation>
    </message>
    <message>
        <source>Zoom with the wheel</source>
        <translation>Zoomen met het scrollwiel</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+scrollwiel</translation>
    </message>
    <message>
        <source>Scroll sideways</source>
        <translation>Zijwaarts scrollen</translation>
    </message>
    <message>
        <source>Shift+wheel</source>
        <translation>Shift+scrollwiel</translation>
    </message>
    <message>
        <source>Move between sessions</source>
        <translation>Van sessie naar sessie gaan</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Pijltjestoetsen</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map of the visit</source>
        <translation>Kaart van het bezoek</translation>
    </message>
    <message>
        <source>No map: the stops of this visit have no coordinates.</source>
        <translation>Geen kaart: de stops van dit bezoek hebben geen coördinaten.</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Inzoomen (+)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>Uitzoomen (-)</translation>
    </message>
    <message>
        <source>Show the whole route</source>
        <translation>De hele route tonen</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>Schematic from the stops&apos; coordinates</source>
        <translation>Schematisch, op basis van de coördinaten van de stops</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Save state</source>
        <translation>Opslagstatus</translation>
    </message>
    <message>
        <source>Note text</source>
        <translation>Notitietekst</translation>
    </message>
    <message>
        <source>Write here. Markdown works: # heading, *emphasis*, - lists.</source>
        <translation>Schrijf hier. Markdown werkt: # kop, *nadruk*, - opsomming.</translation>
    </message>
    <message>
        <source>Markdown preview</source>
        <translation>Markdown-voorbeeld</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>tags, separated by commas</source>
        <translation>labels, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>T&amp;ags:</source>
        <translation>&amp;Labels:</translation>
    </message>
    <message>
        <source>&amp;Private (never sent)</source>
        <translation>&amp;Privé (nooit verzonden)</translation>
    </message>
    <message>
        <source>Private notes stay on this computer: they are never put in a return file.</source>
        <translation>Privénotities blijven op deze computer: ze gaan nooit mee in een terugzending.</translation>
    </message>
    <message>
        <source>P&amp;review</source>
        <translation>Voo&amp;rbeeld</translation>
    </message>
    <message>
        <source>Show Markdown preview</source>
        <translation>Markdown-voorbeeld tonen</translation>
    </message>
    <message>
        <source>Show the Markdown preview beside the text</source>
        <translation>Het Markdown-voorbeeld naast de tekst tonen</translation>
    </message>
    <message>
        <source>Hi&amp;story…</source>
        <translation>Ge&amp;schiedenis…</translation>
    </message>
    <message>
        <source>Earlier versions of this note; restore one</source>
        <translation>Eerdere versies van deze notitie; zet er een terug</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Verwij&amp;deren…</translation>
    </message>
    <message>
        <source>Move this note to Deleted (it can be brought back)</source>
        <translation>Deze notitie naar Verwijderd verplaatsen (ze kan worden teruggezet)</translation>
    </message>
    <message>
        <source>No note open. Press Ctrl+N to start one.</source>
        <translation>Geen notitie open. Druk op Ctrl+N voor een nieuwe.</translation>
    </message>
    <message>
        <source>A note of your own</source>
        <translation>Een losse notitie</translation>
    </message>
    <message>
        <source>Session no longer in the programme: {}</source>
        <translation>Sessie staat niet meer in het programma: {}</translation>
    </message>
    <message>
        <source>Stop no longer in the visit: {}</source>
        <translation>Stop hoort niet meer bij het bezoek: {}</translation>
    </message>
    <message>
        <source>Person no longer in the pack: {}</source>
        <translation>Persoon staat niet meer in het pakket: {}</translation>
    </message>
    <message>
        <source>On the session: {}</source>
        <translation>Bij de sessie: {}</translation>
    </message>
    <message>
        <source>At the stop: {}</source>
        <translation>Bij de stop: {}</translation>
    </message>
    <message>
        <source>About: {}</source>
        <translation>Over: {}</translation>
    </message>
    <message>
        <source>Un&amp;delete</source>
        <translation>Terug&amp;zetten</translation>
    </message>
    <message>
        <source>Deleted note (read-only)</source>
        <translation>Verwijderde notitie (alleen-lezen)</translation>
    </message>
    <message>
        <source>Saved {}</source>
        <translation>Opgeslagen om {}</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nieuwe notitie</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Not saved: {}</source>
        <translation>Niet opgeslagen: {}</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <source>Search notes</source>
        <translation>Notities doorzoeken</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>Sho&amp;w:</source>
        <translation>&amp;Tonen:</translation>
    </message>
    <message>
        <source>&amp;New note</source>
        <translation>&amp;Nieuwe notitie</translation>
    </message>
    <message>
        <source>Start a new note (Ctrl+N)</source>
        <translation>Een nieuwe notitie beginnen (Ctrl+N)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>All notes</source>
        <translation>Alle notities</translation>
    </message>
    <message>
        <source>This session</source>
        <translation>Huidige sessie</translation>
    </message>
    <message>
        <source>Orphaned</source>
        <translation>Losgeraakt</translation>
    </message>
    <message>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <source>Tag: {}</source>
        <translation>Label: {}</translation>
    </message>
    <message>
        <source>On the chosen item</source>
        <translation>Bij het gekozen item</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(lege notitie)</translation>
    </message>
    <message>
        <source>Orphaned: {}</source>
        <translation>Losgeraakt: {}</translation>
    </message>
    <message>
        <source>No note matches.</source>
        <translation>Geen notitie gevonden.</translation>
    </message>
    <message>
        <source>No notes here yet. New note (Ctrl+N) starts one.</source>
        <translation>Hier nog geen notities. Begin er een met Nieuwe notitie (Ctrl+N).</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Notitie verwijderen</translation>
    </message>
    <message>
        <source>Delete this note? You can bring it back from Show: Deleted.</source>
        <translation>Deze notitie verwijderen? Terughalen kan via Tonen: Verwijderd.</translation>
    </message>
    <message>
        <source>Empt&amp;y Deleted…</source>
        <translation>Verwijderde leeg&amp;maken…</translation>
    </message>
    <message>
        <source>Erase the deleted notes of this event for real (cannot be undone)</source>
        <translation>De verwijderde notities van dit evenement definitief wissen (kan niet ongedaan worden gemaakt)</translation>
    </message>
</context>
<context>
    <name>OpenPackFlow</name>
    <message>
        <source>Open event pack</source>
        <translation>Evenementpakket openen</translation>
    </message>
    <message>
        <source>Event packs (*.fvpack);;All files (*)</source>
        <translation>Evenementpakketten (*.fvpack);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Installed “%1”, version %2.</source>
        <translation>“%1” geïnstalleerd, versie %2.</translation>
    </message>
    <message>
        <source>Cannot open the event pack</source>
        <translation>Het evenementpakket kan niet worden geopend</translation>
    </message>
    <message>
        <source>The pack was not opened and nothing you stored has changed.</source>
        <translation>Het pakket is niet geopend en niets van wat u bewaard hebt is veranderd.</translation>
    </message>
</context>
<context>
    <name>OrganiserWindow</name>
    <message>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <source>Recorded with each collation run as who collated; empty: your login name</source>
        <translation>Bij elke verzamelronde vastgelegd als wie verzamelde; leeg: uw inlognaam</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Uw &amp;naam:</translation>
    </message>
    <message>
        <source>Organiser: collation</source>
        <translation>Organisator: verzamelen</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>(stopped)</source>
        <translation>(afgebroken)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Aanvaard</translation>
    </message>
    <message>
        <source>Already collated</source>
        <translation>Al verzameld</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <source>Delegate</source>
        <translation>Deelnemer</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <source>Collated by</source>
        <translation>Verzameld door</translation>
    </message>
    <message>
        <source>Collated</source>
        <translation>Verzameld</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>Installatie</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>Terugzendingen</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Picks</source>
        <translation>Agendakeuzes</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Waarderingen</translation>
    </message>
    <message>
        <source>Questionnaire</source>
        <translation>Vragenlijst</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <source>Session or stop</source>
        <translation>Sessie of stop</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>R&amp;ondes</translation>
    </message>
    <message>
        <source>&amp;Returns</source>
        <translation>&amp;Terugzendingen</translation>
    </message>
    <message>
        <source>&amp;Delegates</source>
        <translation>&amp;Deelnemers</translation>
    </message>
    <message>
        <source>&amp;Answers</source>
        <translation>&amp;Antwoorden</translation>
    </message>
    <message>
        <source>Digests</source>
        <translation>Bundels</translation>
    </message>
    <message>
        <source>D&amp;igests</source>
        <translation>&amp;Bundels</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflicten</translation>
    </message>
    <message>
        <source>Re&amp;jected files</source>
        <translation>&amp;Geweigerde bestanden</translation>
    </message>
    <message>
        <source>Collation</source>
        <translation>Verzamelen</translation>
    </message>
    <message>
        <source>&amp;Open store…</source>
        <translation>Verzamelbestand &amp;openen…</translation>
    </message>
    <message>
        <source>Open or create a collation store file</source>
        <translation>Een verzamelbestand openen of aanmaken</translation>
    </message>
    <message>
        <source>Open &amp;shared store…</source>
        <translation>&amp;Gedeelde opslag openen…</translation>
    </message>
    <message>
        <source>Open a collation store on a PostgreSQL server (a database URL)</source>
        <translation>Een verzamelopslag op een PostgreSQL-server openen (een database-URL)</translation>
    </message>
    <message>
        <source>&amp;Collate returns…</source>
        <translation>Terugzendingen &amp;verzamelen…</translation>
    </message>
    <message>
        <source>Write &amp;report…</source>
        <translation>&amp;Rapport schrijven…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>Collation progress</source>
        <translation>Voortgang van het verzamelen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Stop after the current file; what is done stays</source>
        <translation>Stoppen na het huidige bestand; wat klaar is, blijft</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Rapport opgeslagen in %1</translation>
    </message>
    <message>
        <source>Organiser: %1</source>
        <translation>Organisator: %1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geopend</translation>
    </message>
    <message>
        <source>The server refused the password. Password for %1:</source>
        <translation>De server weigerde het wachtwoord. Wachtwoord voor %1:</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Wachtwoord voor %1:</translation>
    </message>
    <message>
        <source>Database password</source>
        <translation>Databasewachtwoord</translation>
    </message>
    <message>
        <source>Open or create a collation store</source>
        <translation>Een verzamelbestand openen of aanmaken</translation>
    </message>
    <message>
        <source>Collation store (*.sqlite)</source>
        <translation>Verzamelbestand (*.sqlite)</translation>
    </message>
    <message>
        <source>Open shared store</source>
        <translation>Gedeelde opslag openen</translation>
    </message>
    <message>
        <source>Database URL, e.g. postgresql+psycopg://ann@db.example.org/collation?sslmode=verify-full. The password is asked for when the server wants one (or comes from PGPASSFILE) and is never saved.</source>
        <translation>Database-URL, bijvoorbeeld postgresql+psycopg://ann@db.example.org/collation?sslmode=verify-full. Het wachtwoord wordt gevraagd als de server er een wil (of komt uit PGPASSFILE) en wordt nooit bewaard.</translation>
    </message>
    <message>
        <source>Return files</source>
        <translation>Terugzendbestanden</translation>
    </message>
    <message>
        <source>Returns (*.fvreturn)</source>
        <translation>Terugzendingen (*.fvreturn)</translation>
    </message>
    <message>
        <source>The organiser&apos;s private key</source>
        <translation>De privésleutel van de organisator</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <source>Passphrase for %1:</source>
        <translation>Wachtwoordzin voor %1:</translation>
    </message>
    <message>
        <source>Write the report into</source>
        <translation>Het rapport opslaan in</translation>
    </message>
    <message>
        <source>Collating %1</source>
        <translation>Verzamelen: %1</translation>
    </message>
    <message>
        <source>%1 accepted, %2 already collated, %3 rejected</source>
        <translation>%1 aanvaard, %2 al verzameld, %3 geweigerd</translation>
    </message>
    <message>
        <source>(cancelled)</source>
        <translation>(geannuleerd)</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
</context>
<context>
    <name>PasscodeDialog</name>
    <message>
        <source>Protect with a passcode</source>
        <translation>Beveiligen met een toegangscode</translation>
    </message>
    <message>
        <source>Change the passcode</source>
        <translation>De toegangscode wijzigen</translation>
    </message>
    <message>
        <source>Remove the passcode</source>
        <translation>De toegangscode verwijderen</translation>
    </message>
    <message>
        <source>With a passcode, your notes, answers, contacts and the event packs on this computer are stored encrypted, and the window locks after some idle minutes or on Ctrl+L. Without the passcode nobody can read them, even with the laptop in hand.</source>
        <translation>Met een toegangscode worden uw notities, antwoorden, contacten en de evenementpakketten op deze computer versleuteld bewaard, en vergrendelt het venster na enkele minuten zonder gebruik of met Ctrl+L. Zonder de toegangscode kan niemand ze lezen, ook niet met de laptop in handen.</translation>
    </message>
    <message>
        <source>Your notes may be about people who need protecting.</source>
        <translation>Uw notities kunnen gaan over mensen die bescherming nodig hebben.</translation>
    </message>
    <message>
        <source>Without a passcode your notes are stored as a plain file that anyone with this laptop can read.</source>
        <translation>Zonder toegangscode worden uw notities bewaard als een gewoon bestand dat iedereen met deze laptop kan lezen.</translation>
    </message>
    <message>
        <source>Only the passcode changes; your notes stay as they are.</source>
        <translation>Alleen de toegangscode verandert; uw notities blijven zoals ze zijn.</translation>
    </message>
    <message>
        <source>&amp;Current passcode:</source>
        <translation>&amp;Huidige toegangscode:</translation>
    </message>
    <message>
        <source>&amp;New passcode:</source>
        <translation>&amp;Nieuwe toegangscode:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>Nog &amp;eens:</translation>
    </message>
    <message>
        <source>A forgotten passcode cannot be recovered: nobody, not the organisers and not the makers of this app, can open these notes without it. Returns you already sent are not affected.</source>
        <translation>Een vergeten toegangscode kan niet worden hersteld: niemand, niet de organisatoren en niet de makers van deze app, kan deze notities zonder de code openen. Terugzendingen die u al verstuurd hebt, blijven ongemoeid.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Niet nu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Type your current passcode.</source>
        <translation>Typ uw huidige toegangscode.</translation>
    </message>
    <message>
        <source>Choose a passcode of at least 6 characters.</source>
        <translation>Kies een toegangscode van minstens 6 tekens.</translation>
    </message>
    <message>
        <source>The two new passcodes differ.</source>
        <translation>De twee nieuwe toegangscodes verschillen.</translation>
    </message>
    <message>
        <source>Working… (this takes a moment)</source>
        <translation>Bezig… (dit duurt even)</translation>
    </message>
    <message>
        <source>Wrong passcode. Nothing was changed; try again.</source>
        <translation>Verkeerde toegangscode. Er is niets veranderd; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Er is niets veranderd: %1</translation>
    </message>
</context>
<context>
    <name>PasscodeRows</name>
    <message>
        <source>Protect with a &amp;passcode…</source>
        <translation>Be&amp;veiligen met een toegangscode…</translation>
    </message>
    <message>
        <source>C&amp;hange passcode…</source>
        <translation>Toegangscode &amp;wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Remove passcode…</source>
        <translation>Toegangscode verw&amp;ijderen…</translation>
    </message>
    <message>
        <source>Your notes are encrypted on this computer.</source>
        <translation>Uw notities zijn op deze computer versleuteld.</translation>
    </message>
    <message>
        <source>Your notes are not protected: anyone with this laptop can read them.</source>
        <translation>Uw notities zijn niet beveiligd: iedereen met deze laptop kan ze lezen.</translation>
    </message>
    <message>
        <source>Passcode:</source>
        <translation>Toegangscode:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source>Lock after idle minutes</source>
        <translation>Vergrendelen na minuten zonder gebruik</translation>
    </message>
    <message>
        <source>With a passcode, the window locks after this many idle minutes</source>
        <translation>Met een toegangscode vergrendelt het venster na zoveel minuten zonder gebruik</translation>
    </message>
    <message>
        <source>Loc&amp;k after:</source>
        <translation>Ver&amp;grendelen na:</translation>
    </message>
</context>
<context>
    <name>PlaceholderSection</name>
    <message>
        <source>%1 is not available in this build.</source>
        <translation>%1 is niet beschikbaar in deze versie.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <source>start</source>
        <translation>begin</translation>
    </message>
    <message>
        <source>end</source>
        <translation>einde</translation>
    </message>
    <message>
        <source>room</source>
        <translation>zaal</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>locatie</translation>
    </message>
    <message>
        <source>online link</source>
        <translation>onlinelink</translation>
    </message>
    <message>
        <source>track</source>
        <translation>track</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beschrijving</translation>
    </message>
    <message>
        <source>speakers</source>
        <translation>sprekers</translation>
    </message>
    <message>
        <source>documents</source>
        <translation>documenten</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
    <message>
        <source>sign-up group</source>
        <translation>inschrijfgroep</translation>
    </message>
    <message>
        <source>language</source>
        <translation>taal</translation>
    </message>
    <message>
        <source>planned start</source>
        <translation>gepland begin</translation>
    </message>
    <message>
        <source>planned end</source>
        <translation>gepland einde</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>breedtegraad</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>lengtegraad</translation>
    </message>
    <message>
        <source>host</source>
        <translation>ontvangen door</translation>
    </message>
    <message>
        <source>briefing</source>
        <translation>briefing</translation>
    </message>
    <message>
        <source>etiquette</source>
        <translation>omgangsvormen</translation>
    </message>
    <message>
        <source>safety</source>
        <translation>veiligheid</translation>
    </message>
    <message>
        <source>directions to the next stop</source>
        <translation>naar de volgende stop</translation>
    </message>
    <message>
        <source>itinerary</source>
        <translation>route</translation>
    </message>
    <message>
        <source>order</source>
        <translation>volgorde</translation>
    </message>
    <message>
        <source>Open event pack</source>
        <translation>Evenementpakket openen</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>Bestand: %1</translation>
    </message>
    <message>
        <source>Event id: %1</source>
        <translation>Evenement-id: %1</translation>
    </message>
    <message>
        <source>Version %1 (new event)</source>
        <translation>Versie %1 (nieuw evenement)</translation>
    </message>
    <message>
        <source>Version %1 → %2</source>
        <translation>Versie %1 → %2</translation>
    </message>
    <message>
        <source>Organiser key fingerprint: %1</source>
        <translation>Vingerafdruk van de sleutel van de organisator: %1</translation>
    </message>
    <message>
        <source>This pack is NOT signed: anyone could have made it.</source>
        <translation>Dit pakket is NIET ondertekend: iedereen kan het gemaakt hebben.</translation>
    </message>
    <message>
        <source>Warning: this event was signed before by another key (%1).</source>
        <translation>Let op: dit evenement is eerder met een andere sleutel ondertekend (%1).</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the one the organisers gave you.</source>
        <translation>Vergelijk deze vingerafdruk met die u van de organisatoren kreeg.</translation>
    </message>
    <message>
        <source>%1 sessions, %2 stops, %3 people, %4 documents, %5 questionnaires</source>
        <translation>%1 sessies, %2 stops, %3 personen, %4 documenten, %5 vragenlijsten</translation>
    </message>
    <message>
        <source>What will change</source>
        <translation>Wat er verandert</translation>
    </message>
    <message>
        <source>I trust this unsigned pack</source>
        <translation>Ik vertrouw dit niet-ondertekende pakket</translation>
    </message>
    <message>
        <source>I checked with the organisers: accept the new key</source>
        <translation>Ik heb het nagevraagd bij de organisatoren: nieuwe sleutel accepteren</translation>
    </message>
    <message>
        <source>This pack is older than the installed version and cannot be opened.</source>
        <translation>Dit pakket is ouder dan de geïnstalleerde versie en kan niet worden geopend.</translation>
    </message>
    <message>
        <source>This pack has the installed version number but different content; ask the organisers for a newer version.</source>
        <translation>Dit pakket heeft het geïnstalleerde versienummer maar een andere inhoud; vraag de organisatoren om een nieuwere versie.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <source>Already installed</source>
        <translation>Al geïnstalleerd</translation>
    </message>
    <message>
        <source>A new event: everything will be installed.</source>
        <translation>Een nieuw evenement: alles wordt geïnstalleerd.</translation>
    </message>
    <message>
        <source>This version is already installed.</source>
        <translation>Deze versie is al geïnstalleerd.</translation>
    </message>
    <message>
        <source>%1 new, %2 changed, %3 cancelled</source>
        <translation>%1 nieuw, %2 gewijzigd, %3 vervallen</translation>
    </message>
    <message numerus="yes">
        <source>%n of your notes will lose their session or stop; they are kept.</source>
        <translation>
            <numerusform>%n notitie verliest haar sessie of stop; ze blijft bewaard.</numerusform>
            <numerusform>%n notities verliezen hun sessie of stop; ze blijven bewaard.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your notes, answers and agenda are kept.</source>
        <translation>Uw notities, antwoorden en agenda blijven bewaard.</translation>
    </message>
    <message>
        <source>Warning: this pack is signed by the PUBLIC demo key, which anyone can sign with. Nothing proves it comes from the organisers: it is not a sample, yet its programme, contacts and return key could be anyone&apos;s. Ask the organisers for a pack signed with their own key.</source>
        <translation>Waarschuwing: dit pakket is ondertekend met de OPENBARE demosleutel, waarmee iedereen kan ondertekenen. Niets bewijst dat het van de organisatoren komt: het is geen voorbeeld, maar het programma, de contacten en de retoursleutel kunnen van wie dan ook zijn. Vraag de organisatoren om een pakket dat met hun eigen sleutel is ondertekend.</translation>
    </message>
    <message>
        <source>Sample event: illustrative, not the official programme (demo key).</source>
        <translation>Voorbeeldevenement: ter illustratie, niet het officiële programma (demosleutel).</translation>
    </message>
    <message>
        <source>If you accept the new key, its version %1 replaces the installed version %2 signed by the old key.</source>
        <translation>Als u de nieuwe sleutel accepteert, vervangt versie %1 daarvan de geïnstalleerde versie %2, die met de oude sleutel is ondertekend.</translation>
    </message>
    <message>
        <source>The organisers require a passcode for this event: its notes and questionnaires are shown only once your notes are protected (Settings &gt; Protect with a passcode…).</source>
        <translation>De organisatoren vereisen een toegangscode voor dit evenement: de notities en vragenlijsten ervan worden pas getoond als uw notities beveiligd zijn (Instellingen &gt; Beveiligen met een toegangscode…).</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <source>Plenary</source>
        <translation>Plenair</translation>
    </message>
    <message>
        <source>Inspiration session</source>
        <translation>Inspiratiesessie</translation>
    </message>
    <message>
        <source>Working group</source>
        <translation>Werkgroep</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Field visit</source>
        <translation>Veldbezoek</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Lezing</translation>
    </message>
</context>
<context>
    <name>ProgrammeSection</name>
    <message>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <source>Filter by title, speaker, words…</source>
        <translation>Filter op titel, spreker, woorden…</translation>
    </message>
    <message>
        <source>Filter the programme</source>
        <translation>Het programma filteren</translation>
    </message>
    <message>
        <source>&amp;Columns:</source>
        <translation>&amp;Kolommen:</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Zalen</translation>
    </message>
    <message>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <source>Programme views</source>
        <translation>Programmaweergaven</translation>
    </message>
    <message>
        <source>T&amp;imeline</source>
        <translation>&amp;Tijdlijn</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Lijst</translation>
    </message>
    <message>
        <source>My agenda</source>
        <translation>Mijn agenda</translation>
    </message>
    <message>
        <source>&amp;My agenda</source>
        <translation>&amp;Mijn agenda</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <source>All rooms</source>
        <translation>Alle zalen</translation>
    </message>
    <message>
        <source>&amp;Rooms:</source>
        <translation>&amp;Zalen:</translation>
    </message>
    <message>
        <source>%1 rooms</source>
        <translation>%1 zalen</translation>
    </message>
    <message>
        <source>T&amp;racks:</source>
        <translation>T&amp;racks:</translation>
    </message>
    <message>
        <source>All tracks</source>
        <translation>Alle tracks</translation>
    </message>
    <message>
        <source>%1 tracks</source>
        <translation>%1 tracks</translation>
    </message>
    <message>
        <source>Chosen session</source>
        <translation>Gekozen sessie</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+-, Ctrl+wheel)</source>
        <translation>Uitzoomen (Ctrl+-, Ctrl+scrollwiel)</translation>
    </message>
    <message>
        <source>Normal size (Ctrl+0)</source>
        <translation>Normale grootte (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++, Ctrl+wheel)</source>
        <translation>Inzoomen (Ctrl++, Ctrl+scrollwiel)</translation>
    </message>
    <message>
        <source>Sessions by track</source>
        <translation>Sessies per track</translation>
    </message>
    <message>
        <source>By trac&amp;k</source>
        <translation>Per trac&amp;k</translation>
    </message>
    <message>
        <source>Nothing picked yet. Choose a session and press “Add to my agenda”.</source>
        <translation>Nog niets gekozen. Kies een sessie en druk op “Aan mijn agenda toevoegen”.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) in my agenda.</source>
        <translation>
            <numerusform>%n sessie in mijn agenda.</numerusform>
            <numerusform>%n sessies in mijn agenda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overlap(s): see the warnings below.</source>
        <translation>
            <numerusform>%n overlap: zie de waarschuwing hieronder.</numerusform>
            <numerusform>%n overlappingen: zie de waarschuwingen hieronder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Arrow keys move between sessions; Ctrl++ and Ctrl+- zoom.</source>
        <translation>Pijltjestoetsen gaan van sessie naar sessie; Ctrl++ en Ctrl+- zoomen.</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Vertrouwelijk</translation>
    </message>
    <message>
        <source>One choice per slot</source>
        <translation>Eén keuze per tijdvak</translation>
    </message>
    <message>
        <source>You already chose “%1” for this slot, and only one session of this group can be picked. Pick “%2” instead?</source>
        <translation>U koos al “%1” voor dit tijdvak, en uit deze groep kan maar één sessie gekozen worden. “%2” kiezen in plaats daarvan?</translation>
    </message>
    <message>
        <source>Replaced %1 in your agenda.</source>
        <translation>%1 vervangen in uw agenda.</translation>
    </message>
    <message>
        <source>Added, but it overlaps with: %1</source>
        <translation>Toegevoegd, maar het overlapt met: %1</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <source>Required</source>
        <translation>Verplicht</translation>
    </message>
</context>
<context>
    <name>QuestionsSection</name>
    <message>
        <source>Questionnaires</source>
        <translation>Vragenlijsten</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <source>&amp;Session:</source>
        <translation>&amp;Sessie:</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>Save state</source>
        <translation>Opslagstatus</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <source>answered for {0} of {1} sessions</source>
        <translation>beantwoord voor {0} van {1} sessies</translation>
    </message>
    <message>
        <source>{0} of {1} answered</source>
        <translation>{0} van {1} beantwoord</translation>
    </message>
    <message>
        <source>read-only, version {0}: {1}</source>
        <translation>alleen-lezen, versie {0}: {1}</translation>
    </message>
    <message>
        <source>Before the event</source>
        <translation>Vooraf</translation>
    </message>
    <message>
        <source>Per session</source>
        <translation>Per sessie</translation>
    </message>
    <message>
        <source>After the event</source>
        <translation>Achteraf</translation>
    </message>
    <message>
        <source>Earlier versions</source>
        <translation>Eerdere versies</translation>
    </message>
    <message>
        <source>This event has no questionnaires.</source>
        <translation>Dit evenement heeft geen vragenlijsten.</translation>
    </message>
    <message>
        <source>Read-only: a newer version replaced it</source>
        <translation>Alleen-lezen: vervangen door een nieuwere versie</translation>
    </message>
    <message>
        <source>{0} required (*) still open</source>
        <translation>verplicht (*) nog open: {0}</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Saved {}</source>
        <translation>Opgeslagen om {}</translation>
    </message>
    <message>
        <source>Not saved: {}</source>
        <translation>Niet opgeslagen: {}</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Reminder</source>
        <translation>Herinnering</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <source>Open what the reminder is about</source>
        <translation>Openen waar de herinnering over gaat</translation>
    </message>
    <message>
        <source>Dis&amp;miss</source>
        <translation>&amp;Sluiten</translation>
    </message>
    <message>
        <source>Dismiss the reminder</source>
        <translation>De herinnering sluiten</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message numerus="yes">
        <source>Starts in %n minute(s)</source>
        <translation>
            <numerusform>Begint over %n minuut</numerusform>
            <numerusform>Begint over %n minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next stop in %n minute(s)</source>
        <translation>
            <numerusform>Volgende stop over %n minuut</numerusform>
            <numerusform>Volgende stop over %n minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>Field Visit Companion</source>
        <translation>Field Visit Companion</translation>
    </message>
</context>
<context>
    <name>ReturnItemsModel</name>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Agenda picks</source>
        <translation>Agendakeuzes</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Waarderingen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <source>Confirm confidential</source>
        <translation>Vertrouwelijk bevestigen</translation>
    </message>
    <message>
        <source>A note on a confidential session: it goes only once confirmed.</source>
        <translation>Een notitie bij een vertrouwelijke sessie: die gaat pas mee na bevestiging.</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <source>Confirm?</source>
        <translation>Bevestigen?</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <source>Revision {0} · {1} · {2} characters</source>
        <translation>Versie {0} · {1} · {2} tekens</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>&amp;Find sessions, visit stops, people, documents and your notes:</source>
        <translation>&amp;Zoek in sessies, bezoekstops, personen, documenten en uw notities:</translation>
    </message>
    <message>
        <source>Find in everything of this event</source>
        <translation>Zoeken in alles van dit evenement</translation>
    </message>
    <message>
        <source>Words to find…</source>
        <translation>Te zoeken woorden…</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultaat</numerusform>
            <numerusform>%n resultaten</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Niets gevonden.</translation>
    </message>
    <message>
        <source>Your notes are not searched: the organisers require a passcode for this event&apos;s notes (Settings &gt; Protect with a passcode…).</source>
        <translation>Uw notities worden niet doorzocht: de organisatoren vereisen een toegangscode voor de notities van dit evenement (Instellingen &gt; Beveiligen met een toegangscode…).</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <source>Visit stop</source>
        <translation>Bezoekstop</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
</context>
<context>
    <name>SendReturnDialog</name>
    <message>
        <source>Send to organisers</source>
        <translation>Verzenden naar organisatoren</translation>
    </message>
    <message>
        <source>Everything ticked goes into one encrypted file that only the organisers can open. Untick anything you want to keep. Private notes are never listed nor sent; a note on a confidential session goes only once you confirm it.</source>
        <translation>Alles wat aangevinkt is, gaat in één versleuteld bestand dat alleen de organisatoren kunnen openen. Vink uit wat u voor uzelf wilt houden. Privénotities worden nooit getoond of verzonden; een notitie bij een vertrouwelijke sessie gaat pas mee als u die bevestigt.</translation>
    </message>
    <message>
        <source>What will be sent</source>
        <translation>Wat wordt verzonden</translation>
    </message>
    <message>
        <source>optional: how the organisers will see you</source>
        <translation>optioneel: hoe de organisatoren u zien</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Kiezen…</translation>
    </message>
    <message>
        <source>Choose the folder, e.g. a USB stick</source>
        <translation>Kies de map, bijvoorbeeld op een usb-stick</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Uw &amp;naam:</translation>
    </message>
    <message>
        <source>Save &amp;in:</source>
        <translation>Opslaan &amp;in:</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Verzenden</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) will be sent.</source>
        <translation>
            <numerusform>%n item wordt verzonden.</numerusform>
            <numerusform>%n items worden verzonden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confidential note(s) wait for your confirmation.</source>
        <translation>
            <numerusform>%n vertrouwelijke notitie wacht op uw bevestiging.</numerusform>
            <numerusform>%n vertrouwelijke notities wachten op uw bevestiging.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the return in</source>
        <translation>De terugzending opslaan in</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <source>Session detail</source>
        <translation>Sessiedetails</translation>
    </message>
    <message>
        <source>Session title</source>
        <translation>Sessietitel</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>VERTROUWELIJK</translation>
    </message>
    <message>
        <source>Confidential session</source>
        <translation>Vertrouwelijke sessie</translation>
    </message>
    <message>
        <source>Confidential: do not share what is said here outside the session.</source>
        <translation>Vertrouwelijk: deel wat hier gezegd wordt niet buiten de sessie.</translation>
    </message>
    <message>
        <source>&amp;Add to my agenda</source>
        <translation>&amp;Aan mijn agenda toevoegen</translation>
    </message>
    <message>
        <source>Add to my agenda</source>
        <translation>Aan mijn agenda toevoegen</translation>
    </message>
    <message>
        <source>N&amp;ote on this session</source>
        <translation>N&amp;otitie bij deze sessie</translation>
    </message>
    <message>
        <source>Note on this session</source>
        <translation>Notitie bij deze sessie</translation>
    </message>
    <message>
        <source>Your rating:</source>
        <translation>Uw waardering:</translation>
    </message>
    <message numerus="yes">
        <source>Rate %n star(s)</source>
        <translation>
            <numerusform>%n ster geven</numerusform>
            <numerusform>%n sterren geven</numerusform>
        </translation>
    </message>
    <message>
        <source>Session details</source>
        <translation>Sessiedetails</translation>
    </message>
    <message>
        <source>Choose a session to see it here.</source>
        <translation>Kies een sessie om die hier te zien.</translation>
    </message>
    <message>
        <source>In my &amp;agenda</source>
        <translation>In mijn &amp;agenda</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Webpagina</translation>
    </message>
    <message>
        <source>Slides</source>
        <translation>Dia's</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Live stream</source>
        <translation>Livestream</translation>
    </message>
    <message>
        <source>Join link</source>
        <translation>Deelnamelink</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>(shown as text; the app does not open this address)</source>
        <translation>(als tekst getoond; de app opent dit adres niet)</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Zaal</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <source>Confidential session: what is said here stays here.</source>
        <translation>Vertrouwelijke sessie: wat hier gezegd wordt, blijft hier.</translation>
    </message>
    <message>
        <source>Start a note on this session (Ctrl+N)</source>
        <translation>Begin een notitie bij deze sessie (Ctrl+N)</translation>
    </message>
    <message>
        <source>note on this person</source>
        <translation>notitie over deze persoon</translation>
    </message>
    <message>
        <source>Illustrative: this item&apos;s time, room or details are invented (see the event&apos;s note); not the official programme.</source>
        <translation>Ter illustratie: tijd, zaal of details van dit onderdeel zijn verzonnen (zie de toelichting bij het evenement); niet het officiële programma.</translation>
    </message>
    <message>
        <source>Confidential: not shared; not available</source>
        <translation>Vertrouwelijk: niet gedeeld; niet beschikbaar</translation>
    </message>
    <message>
        <source>(its address is shown as text, never opened)</source>
        <translation>(het adres wordt als tekst getoond, nooit geopend)</translation>
    </message>
    <message>
        <source>Attendees only: do not forward</source>
        <translation>Alleen voor deelnemers: niet doorsturen</translation>
    </message>
    <message>
        <source>(%1 in %2)</source>
        <translation>(%1 in %2)</translation>
    </message>
    <message>
        <source>(%1 in %2, %3)</source>
        <translation>(%1 in %2, %3)</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Zaal</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Vertrouwelijk</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
    <message>
        <source>in my agenda</source>
        <translation>in mijn agenda</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Volg het systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Kleuren:</translation>
    </message>
    <message>
        <source>&amp;Pretend it is:</source>
        <translation>&amp;Doe alsof het is:</translation>
    </message>
    <message>
        <source>Pretend time, in the event&apos;s time zone</source>
        <translation>Doe-alsof-tijd, in de tijdzone van het evenement</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>Een nieuwe taal wordt gebruikt vanaf de volgende start.</translation>
    </message>
    <message>
        <source>Remind me before the sessions in my &amp;agenda</source>
        <translation>Herinner me aan de sessies in mijn &amp;agenda</translation>
    </message>
    <message>
        <source>Remind me before each field-visit &amp;stop</source>
        <translation>Herinner me aan elke &amp;stop van het werkbezoek</translation>
    </message>
    <message>
        <source>Minutes before</source>
        <translation>Minuten van tevoren</translation>
    </message>
    <message>
        <source> min before</source>
        <translation> min van tevoren</translation>
    </message>
    <message>
        <source>&amp;Reminders:</source>
        <translation>&amp;Herinneringen:</translation>
    </message>
    <message>
        <source>Second clock beside event times</source>
        <translation>Tweede klok naast de tijden van het evenement</translation>
    </message>
    <message>
        <source>None: the event&apos;s time only</source>
        <translation>Geen: alleen de tijd van het evenement</translation>
    </message>
    <message>
        <source>This computer&apos;s time (%1)</source>
        <translation>De tijd van deze computer (%1)</translation>
    </message>
    <message>
        <source>Event times stay in the event&apos;s zone (%1); the second clock is shown beside them when it differs. Your own saved times (notes, answers) use it too.</source>
        <translation>Tijden van het evenement blijven in de tijdzone van het evenement (%1); de tweede klok staat ernaast als die anders is. Uw eigen opslagtijden (notities, antwoorden) gebruiken die klok ook.</translation>
    </message>
    <message>
        <source>S&amp;econd clock:</source>
        <translation>Tw&amp;eede klok:</translation>
    </message>
    <message>
        <source>Restart Field Visit Companion to see it in %1: the language changes at the next start.</source>
        <translation>Start Veldbezoek-assistent opnieuw om het in het %1 te zien: de taal verandert bij de volgende start.</translation>
    </message>
</context>
<context>
    <name>StopsModel</name>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>bezocht</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Day timeline</source>
        <translation>Dagtijdlijn</translation>
    </message>
    <message>
        <source>Sessions as boxes, rooms side by side. Arrow keys move between sessions.</source>
        <translation>Sessies als blokken, zalen naast elkaar. Met de pijltoetsen gaat u van sessie naar sessie.</translation>
    </message>
    <message>
        <source>No room</source>
        <translation>Geen zaal</translation>
    </message>
    <message>
        <source>No track</source>
        <translation>Geen track</translation>
    </message>
    <message>
        <source>No sessions match the filters on this day.</source>
        <translation>Geen sessies op deze dag die aan de filters voldoen.</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>VERTROUWELIJK</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <source>Open in %1</source>
        <translation>Openen in %1</translation>
    </message>
</context>
<context>
    <name>TodaySection</name>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Event time</source>
        <translation>Evenementtijd</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Nu</translation>
    </message>
    <message>
        <source>Ne&amp;xt</source>
        <translation>Hie&amp;rna</translation>
    </message>
    <message>
        <source>F&amp;ield visit</source>
        <translation>Ve&amp;ldbezoek</translation>
    </message>
    <message>
        <source>Changes since the last update</source>
        <translation>Wijzigingen sinds de laatste update</translation>
    </message>
    <message>
        <source>&amp;Mark as seen</source>
        <translation>&amp;Markeren als gezien</translation>
    </message>
    <message>
        <source>Mark changes as seen</source>
        <translation>Wijzigingen als gezien markeren</translation>
    </message>
    <message>
        <source>Pretend time</source>
        <translation>Doe-alsof-tijd</translation>
    </message>
    <message>
        <source>Rehearse the day: see Today as it will be at another moment.</source>
        <translation>Oefen de dag: zie Vandaag zoals het op een ander moment zal zijn.</translation>
    </message>
    <message>
        <source>Pretend time, in the event&apos;s time zone</source>
        <translation>Doe-alsof-tijd, in de tijdzone van het evenement</translation>
    </message>
    <message>
        <source>&amp;At:</source>
        <translation>&amp;Om:</translation>
    </message>
    <message>
        <source>&amp;Pretend</source>
        <translation>&amp;Doe alsof</translation>
    </message>
    <message>
        <source>Use the pretend time</source>
        <translation>De doe-alsof-tijd gebruiken</translation>
    </message>
    <message>
        <source>Use &amp;real time</source>
        <translation>Echte &amp;tijd gebruiken</translation>
    </message>
    <message>
        <source>Use real time</source>
        <translation>Echte tijd gebruiken</translation>
    </message>
    <message>
        <source>No event installed yet</source>
        <translation>Nog geen evenement geïnstalleerd</translation>
    </message>
    <message>
        <source>Open an event pack with File ▸ Open event pack…</source>
        <translation>Open een evenementpakket met Bestand ▸ Evenementpakket openen…</translation>
    </message>
    <message>
        <source>%1 (event time, %2)</source>
        <translation>%1 (evenementtijd, %2)</translation>
    </message>
    <message>
        <source>pretend time</source>
        <translation>doe-alsof-tijd</translation>
    </message>
    <message>
        <source>Nothing on right now.</source>
        <translation>Op dit moment is er niets.</translation>
    </message>
    <message>
        <source>Nothing later in the programme.</source>
        <translation>Verder niets meer in het programma.</translation>
    </message>
    <message>
        <source>This event ended on %1.</source>
        <translation>Dit evenement is afgelopen op %1.</translation>
    </message>
    <message>
        <source>Now at: %1</source>
        <translation>Nu bij: %1</translation>
    </message>
    <message>
        <source>Next stop: %1 %2</source>
        <translation>Volgende stop: %1 %2</translation>
    </message>
    <message>
        <source>No upcoming stop.</source>
        <translation>Geen volgende stop.</translation>
    </message>
    <message>
        <source>No unseen changes.</source>
        <translation>Geen ongeziene wijzigingen.</translation>
    </message>
    <message>
        <source>CONFIDENTIAL</source>
        <translation>VERTROUWELIJK</translation>
    </message>
    <message>
        <source>New: %1</source>
        <translation>Nieuw: %1</translation>
    </message>
    <message>
        <source>Cancelled: %1</source>
        <translation>Vervallen: %1</translation>
    </message>
    <message>
        <source>Changed: %1</source>
        <translation>Gewijzigd: %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>After the event</source>
        <translation>Na het evenement</translation>
    </message>
    <message>
        <source>Notes written: %1 (private: %2)</source>
        <translation>Notities geschreven: %1 (privé: %2)</translation>
    </message>
    <message>
        <source>Questions answered: %1</source>
        <translation>Vragen beantwoord: %1</translation>
    </message>
    <message>
        <source>Not yet sent to the organisers: %1 notes, %2 answers. Use File ▸ Send to organisers…</source>
        <translation>Nog niet verzonden naar de organisatoren: %1 notities, %2 antwoorden. Kies Bestand ▸ Verzenden naar organisatoren…</translation>
    </message>
    <message>
        <source>Everything you can share has been sent to the organisers.</source>
        <translation>Alles wat u kunt delen, is naar de organisatoren verzonden.</translation>
    </message>
    <message>
        <source>The organisers require a passcode for this event&apos;s notes and answers: protect your notes with a passcode to see them.</source>
        <translation>De organisatoren eisen een toegangscode voor de notities en antwoorden van dit evenement: beveilig uw notities met een toegangscode om ze te zien.</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Field Visit Companion</source>
        <translation>Field Visit Companion ontgrendelen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <source>&lt;h2&gt;Your notes are locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Uw notities zijn vergrendeld&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>This computer keeps your notes, answers and contacts encrypted. Type your passcode to open them.</source>
        <translation>Deze computer bewaart uw notities, antwoorden en contacten versleuteld. Typ uw toegangscode om ze te openen.</translation>
    </message>
    <message>
        <source>&amp;Passcode:</source>
        <translation>&amp;Toegangscode:</translation>
    </message>
    <message>
        <source>Passcode</source>
        <translation>Toegangscode</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <source>A forgotten passcode cannot be recovered: nobody, not the organisers and not the makers of this app, can open these notes without it. Returns you already sent are not affected.</source>
        <translation>Een vergeten toegangscode kan niet worden hersteld: niemand, niet de organisatoren en niet de makers van deze app, kan deze notities zonder de code openen. Terugzendingen die u al verstuurd hebt, blijven ongemoeid.</translation>
    </message>
    <message>
        <source>Type your passcode.</source>
        <translation>Typ uw toegangscode.</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Ontgrendelen…</translation>
    </message>
    <message>
        <source>Wrong passcode. Nothing was changed; try again.</source>
        <translation>Verkeerde toegangscode. Er is niets veranderd; probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Cannot unlock: %1</source>
        <translation>Kan niet ontgrendelen: %1</translation>
    </message>
</context>
<context>
    <name>TrackListModel</name>
    <message>
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
</context>
<context>
    <name>VisitSection</name>
    <message>
        <source>Itinerary</source>
        <translation>Route</translation>
    </message>
    <message>
        <source>Current and next stop</source>
        <translation>Huidige en volgende stop</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Stops</translation>
    </message>
    <message>
        <source>Stop details</source>
        <translation>Gegevens van de stop</translation>
    </message>
    <message>
        <source>&amp;Note at this stop</source>
        <translation>&amp;Notitie bij deze stop</translation>
    </message>
    <message>
        <source>Start a note attached to the selected stop</source>
        <translation>Een notitie beginnen bij de gekozen stop</translation>
    </message>
    <message>
        <source>&amp;Mark visited</source>
        <translation>Als bezocht &amp;markeren</translation>
    </message>
    <message>
        <source>Tick off the selected stop</source>
        <translation>De gekozen stop afvinken</translation>
    </message>
    <message>
        <source>Export GP&amp;X…</source>
        <translation>GPX e&amp;xporteren…</translation>
    </message>
    <message>
        <source>Save the route and stops for a GPS or map app</source>
        <translation>Route en stops opslaan voor een gps- of kaartapp</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <source>This event has no field visit.</source>
        <translation>Dit evenement heeft geen veldbezoek.</translation>
    </message>
    <message>
        <source>Now: {0}. {1}</source>
        <translation>Nu: {0}. {1}</translation>
    </message>
    <message>
        <source>Next: {0}. {1} at {2}</source>
        <translation>Volgende: {0}. {1} ({2})</translation>
    </message>
    <message>
        <source>The visit is over, or its stops have no times.</source>
        <translation>Het bezoek is voorbij, of de stops hebben geen tijden.</translation>
    </message>
    <message>
        <source>No map: the stops of this visit have no coordinates.</source>
        <translation>Geen kaart: de stops van dit bezoek hebben geen coördinaten.</translation>
    </message>
    <message>
        <source>the map picture cannot be read</source>
        <translation>de kaartafbeelding kan niet worden gelezen</translation>
    </message>
    <message>
        <source>Visited ✓</source>
        <translation>Bezocht ✓</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Ontvangen door</translation>
    </message>
    <message>
        <source>Etiquette</source>
        <translation>Omgangsvormen</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <source>To the next stop</source>
        <translation>Naar de volgende stop</translation>
    </message>
    <message>
        <source>Export the itinerary as GPX</source>
        <translation>De route als GPX exporteren</translation>
    </message>
    <message>
        <source>GPX files (*.gpx)</source>
        <translation>GPX-bestanden (*.gpx)</translation>
    </message>
    <message>
        <source>GPX not written</source>
        <translation>GPX-bestand niet opgeslagen</translation>
    </message>
    <message>
        <source>Note on this person</source>
        <translation>Notitie over deze persoon</translation>
    </message>
    <message>
        <source>This visit has no stops.</source>
        <translation>Dit bezoek heeft geen stops.</translation>
    </message>
    <message>
        <source>The stops of this visit have no times.</source>
        <translation>De stops van dit bezoek hebben geen tijden.</translation>
    </message>
    <message>
        <source>The visit ended on %1 at %2.</source>
        <translation>Het bezoek eindigde op %1 om %2.</translation>
    </message>
    <message>
        <source>No stop is planned at this time.</source>
        <translation>Op dit moment is er geen stop gepland.</translation>
    </message>
</context>
<context>
    <name>RemoveEventDialog</name>
    <message>
        <source>Remove event</source>
        <translation>Evenement verwijderen</translation>
    </message>
    <message>
        <source>Remove “%1” from this computer?</source>
        <translation>“%1” van deze computer verwijderen?</translation>
    </message>
    <message>
        <source>You have no notes or answers on this event.</source>
        <translation>U hebt geen notities of antwoorden bij dit evenement.</translation>
    </message>
    <message>
        <source>Your %1 note(s), %2 answer(s), %3 agenda pick(s) and %4 rating(s) on this event are deleted with it. Send them to the organisers or export your notes first if you want to keep them.</source>
        <translation>Uw %1 notitie(s), %2 antwoord(en), %3 agendakeuze(s) en %4 beoordeling(en) bij dit evenement worden mee verwijderd. Stuur ze eerst naar de organisatoren of exporteer uw notities als u ze wilt bewaren.</translation>
    </message>
    <message>
        <source>I understand that my notes and answers are deleted</source>
        <translation>Ik begrijp dat mijn notities en antwoorden worden verwijderd</translation>
    </message>
    <message>
        <source>&amp;Send to organisers…</source>
        <translation>&amp;Naar organisatoren sturen…</translation>
    </message>
    <message>
        <source>E&amp;xport notes…</source>
        <translation>Notities e&amp;xporteren…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ve&amp;rwijderen</translation>
    </message>
</context>
<context>
    <name>RemoveEventFlow</name>
    <message>
        <source>Removed “%1”.</source>
        <translation>“%1” is verwijderd.</translation>
    </message>
</context>
<context>
    <name>SampleBanner</name>
    <message>
        <source>Sample event: illustrative, not the official programme.</source>
        <translation>Voorbeeldevenement: ter illustratie, niet het officiële programma.</translation>
    </message>
    <message>
        <source>Some details of this event are illustrative.</source>
        <translation>Sommige details van dit evenement zijn ter illustratie.</translation>
    </message>
    <message>
        <source>What is invented?</source>
        <translation>Wat is verzonnen?</translation>
    </message>
    <message>
        <source>What is invented</source>
        <translation>Wat is verzonnen</translation>
    </message>
</context>
<context>
    <name>SamplesDialog</name>
    <message>
        <source>Sample events</source>
        <translation>Voorbeeldevenementen</translation>
    </message>
    <message>
        <source>Four sample events, built from their public announcements. What an announcement does not give (timetables, rooms, hosts) is invented and marked illustrative. They are not the official programmes, and they never take the place of the organisers&apos; own packs.</source>
        <translation>Vier voorbeeldevenementen, gemaakt uit hun openbare aankondigingen. Wat een aankondiging niet geeft (tijdschema&apos;s, zalen, gastheren) is verzonnen en gemarkeerd als ter illustratie. Het zijn niet de officiële programma&apos;s, en ze nemen nooit de plaats in van de eigen pakketten van de organisatoren.</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installeren</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Bijwerken</translation>
    </message>
    <message>
        <source>Install the sample %1</source>
        <translation>Het voorbeeld %1 installeren</translation>
    </message>
    <message>
        <source>Installing the sample %1…</source>
        <translation>Het voorbeeld %1 wordt geïnstalleerd…</translation>
    </message>
    <message>
        <source>“%1” is installed.</source>
        <translation>“%1” is geïnstalleerd.</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Niet geïnstalleerd: %1</translation>
    </message>
</context>
<context>
    <name>_EraseDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Erasing…</source>
        <translation>Bezig met wissen…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Nothing was erased: %1</source>
        <translation>Er is niets gewist: %1</translation>
    </message>
</context>
<context>
    <name>EmptyBinDialog</name>
    <message>
        <source>Empty Deleted</source>
        <translation>Verwijderde leegmaken</translation>
    </message>
    <message numerus="yes">
        <source>Erase the %n deleted note(s) of this event for real?</source>
        <translation>
            <numerusform>De %n verwijderde notitie van dit evenement definitief wissen?</numerusform>
            <numerusform>De %n verwijderde notities van dit evenement definitief wissen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their text and every earlier version leave this computer, and the search index is rebuilt without them. Returns you already sent are not affected.</source>
        <translation>Hun tekst en elke eerdere versie verdwijnen van deze computer, en de zoekindex wordt zonder hen opnieuw opgebouwd. Terugzendingen die u al verstuurd hebt, blijven ongemoeid.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Erase %n note(s)</source>
        <translation>
            <numerusform>%n notitie &amp;wissen</numerusform>
            <numerusform>%n notities &amp;wissen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted note(s) erased for real.</source>
        <translation>
            <numerusform>%n verwijderde notitie definitief gewist.</numerusform>
            <numerusform>%n verwijderde notities definitief gewist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseEventDialog</name>
    <message>
        <source>Erase this event&apos;s data</source>
        <translation>Gegevens van dit evenement wissen</translation>
    </message>
    <message>
        <source>This erases for real, from this computer, everything you wrote or marked for “%1”: your notes (deleted or not) with their earlier versions, questionnaire answers, agenda picks, ratings, sessions marked as seen and the list of returns you sent. The event&apos;s programme stays installed.</source>
        <translation>Dit wist definitief van deze computer alles wat u voor “%1” schreef of markeerde: uw notities (verwijderd of niet) met hun eerdere versies, antwoorden op vragenlijsten, agendakeuzes, beoordelingen, als gezien gemarkeerde sessies en de lijst van verstuurde terugzendingen. Het programma van het evenement blijft geïnstalleerd.</translation>
    </message>
    <message>
        <source>Returns you already sent are not affected: the organisers keep what they received. Send or export first what you still need.</source>
        <translation>Terugzendingen die u al verstuurd hebt, blijven ongemoeid: de organisatoren houden wat ze ontvingen. Verstuur of exporteer eerst wat u nog nodig hebt.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>&amp;Type the event&apos;s name to confirm:</source>
        <translation>&amp;Typ ter bevestiging de naam van het evenement:</translation>
    </message>
    <message>
        <source>The event&apos;s name</source>
        <translation>De naam van het evenement</translation>
    </message>
    <message>
        <source>&amp;Erase this event&apos;s data</source>
        <translation>Gegevens van dit evenement &amp;wissen</translation>
    </message>
    <message>
        <source>Erased for real: %1, %2 and %3.</source>
        <translation>Definitief gewist: %1, %2 en %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n notitie</numerusform>
            <numerusform>%n notities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n antwoord</numerusform>
            <numerusform>%n antwoorden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n ander gegeven</numerusform>
            <numerusform>%n andere gegevens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseEventAction</name>
    <message>
        <source>&amp;Erase this event&apos;s data…</source>
        <translation>Gegevens van dit evenement &amp;wissen…</translation>
    </message>
    <message>
        <source>Erase for real your notes, answers and marks for this event</source>
        <translation>Uw notities, antwoorden en markeringen voor dit evenement definitief wissen</translation>
    </message>
</context>
</TS>
