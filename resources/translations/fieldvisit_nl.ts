<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="231"/>
        <source>Only one of this group per slot: %1</source>
        <translation>Maar één uit deze groep per tijdvak: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="235"/>
        <source>Overlaps with %1</source>
        <translation>Overlapt met %1</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="272"/>
        <source>&amp;Lock</source>
        <translation>&amp;Vergrendelen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="275"/>
        <source>Lock the window now (Ctrl+L)</source>
        <translation>Het venster nu vergrendelen (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="347"/>
        <source>Locked — Field Visit Companion</source>
        <translation>Vergrendeld — Field Visit Companion</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../fieldvisit/gui/application.py" line="281"/>
        <source>%1 is a return file: use Collate returns… with your organiser key.</source>
        <translation>%1 is een terugzending: kies Terugzendingen verzamelen… met uw organisatorsleutel.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/application.py" line="328"/>
        <source>Cannot open your data</source>
        <translation>Uw gegevens kunnen niet worden geopend</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/application.py" line="287"/>
        <source>Cannot open %1 here.</source>
        <translation>%1 kan hier niet worden geopend.</translation>
    </message>
</context>
<context>
    <name>ContactsSection</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="120"/>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="121"/>
        <source>Search contacts</source>
        <translation>Contacten doorzoeken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="126"/>
        <source>Emergency and duty</source>
        <translation>Nood en dienst</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="127"/>
        <source>Organisers</source>
        <translation>Organisatoren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="128"/>
        <source>Hosts</source>
        <translation>Gastheren en -vrouwen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="129"/>
        <source>Facilitators</source>
        <translation>Gespreksleiders</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="130"/>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="131"/>
        <source>Delegates</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="134"/>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="182"/>
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="142"/>
        <source>Contact card</source>
        <translation>Contactkaart</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="145"/>
        <source>Copy as &amp;vCard</source>
        <translation>Kopiëren als &amp;vCard</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="147"/>
        <source>&amp;Copy as text</source>
        <translation>Kopiëren als &amp;tekst</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="149"/>
        <source>&amp;Export contact…</source>
        <translation>Contact e&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="151"/>
        <source>Export &amp;all…</source>
        <translation>&amp;Alle exporteren…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="152"/>
        <source>Save every contact shown in one .vcf file</source>
        <translation>Alle getoonde contacten in één .vcf-bestand opslaan</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="237"/>
        <source>Choose a contact.</source>
        <translation>Kies een contact.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="248"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="250"/>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="253"/>
        <source>Languages</source>
        <translation>Talen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="258"/>
        <source>This person&apos;s phone and email are not shared in the contact list.</source>
        <translation>Telefoon en e-mail van deze persoon worden niet gedeeld in de contactenlijst.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="305"/>
        <source>Export contacts</source>
        <translation>Contacten exporteren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="307"/>
        <source>vCard files (*.vcf)</source>
        <translation>vCard-bestanden (*.vcf)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/contacts.py" line="320"/>
        <source>Contacts not exported</source>
        <translation>Contacten niet geëxporteerd</translation>
    </message>
</context>
<context>
    <name>DataclassTableModel</name>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="93"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
</context>
<context>
    <name>DocumentsSection</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="116"/>
        <source>Show documents of</source>
        <translation>Documenten tonen van</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="118"/>
        <source>S&amp;how:</source>
        <translation>&amp;Tonen:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="122"/>
        <source>Confidential</source>
        <translation>Vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="123"/>
        <source>not opened yet</source>
        <translation>nog niet geopend</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="126"/>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="181"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="132"/>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="133"/>
        <source>Show the document (in the app when possible)</source>
        <translation>Het document tonen (in de app als dat kan)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="135"/>
        <source>Open in &amp;system viewer</source>
        <translation>Openen in &amp;standaardprogramma</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="137"/>
        <source>Open a read-only copy with the computer&apos;s own viewer</source>
        <translation>Een alleen-lezen kopie openen in het standaardprogramma van de computer</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="146"/>
        <source>Document text</source>
        <translation>Documenttekst</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="150"/>
        <source>Document picture</source>
        <translation>Documentafbeelding</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="177"/>
        <source>Choose a document.</source>
        <translation>Kies een document.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="198"/>
        <source>All documents</source>
        <translation>Alle documenten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="202"/>
        <source>Session: {}</source>
        <translation>Sessie: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="207"/>
        <source>Choose a document, then Open.</source>
        <translation>Kies een document en dan Openen.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="209"/>
        <source>This event&apos;s pack carries no documents.</source>
        <translation>Het pakket van dit evenement bevat geen documenten.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="273"/>
        <source>Opening {}…</source>
        <translation>{} openen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="284"/>
        <source>“{}” was opened in your system viewer from a read-only copy that is deleted when you quit.</source>
        <translation>“{}” is geopend in het standaardprogramma, vanuit een alleen-lezen kopie die bij het afsluiten wordt verwijderd.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="291"/>
        <source>This picture cannot be shown.</source>
        <translation>Deze afbeelding kan niet worden getoond.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/documents.py" line="307"/>
        <source>Not opened: {}</source>
        <translation>Niet geopend: {}</translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <location filename="../../fieldvisit/gui/emergency.py" line="51"/>
        <location filename="../../fieldvisit/gui/emergency.py" line="52"/>
        <source>Emergency contacts</source>
        <translation>Noodcontacten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/emergency.py" line="55"/>
        <source>In an emergency, call the local emergency number &lt;b&gt;112&lt;/b&gt;.</source>
        <translation>Bel in een noodgeval het alarmnummer &lt;b&gt;112&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/emergency.py" line="58"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/emergency.py" line="60"/>
        <source>Emergency and duty contacts</source>
        <translation>Nood- en dienstcontacten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/emergency.py" line="84"/>
        <source>This event lists no emergency contacts.</source>
        <translation>Dit evenement noemt geen noodcontacten.</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="72"/>
        <source>Notes booklet (&amp;Markdown)…</source>
        <translation>Notities als boekje (&amp;Markdown)…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="76"/>
        <source>Notes booklet (&amp;PDF)…</source>
        <translation>Notities als boekje (&amp;PDF)…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="79"/>
        <source>My &amp;agenda (.ics)…</source>
        <translation>Mijn &amp;agenda (.ics)…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="83"/>
        <source>&amp;Contacts (.vcf)…</source>
        <translation>&amp;Contacten (.vcf)…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="84"/>
        <source>&amp;Itinerary (.gpx)…</source>
        <translation>&amp;Route (.gpx)…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="108"/>
        <source>Install an event pack first.</source>
        <translation>Installeer eerst een evenementpakket.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="115"/>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="165"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="146"/>
        <source>Notes: %1</source>
        <translation>Notities: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/exports_menu.py" line="152"/>
        <source>PDF booklet written</source>
        <translation>PDF-boekje opgeslagen</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/history_dialog.py" line="65"/>
        <source>Note history</source>
        <translation>Geschiedenis van de notitie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/history_dialog.py" line="70"/>
        <source>Revisions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/history_dialog.py" line="73"/>
        <source>Revision text</source>
        <translation>Tekst van de versie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/history_dialog.py" line="75"/>
        <source>&amp;Revisions (newest first):</source>
        <translation>&amp;Versies (nieuwste eerst):</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/history_dialog.py" line="82"/>
        <source>Restore &amp;this revision</source>
        <translation>Deze versie &amp;terugzetten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/history_dialog.py" line="84"/>
        <source>Make this text current again; the text you have now stays in the history</source>
        <translation>Deze tekst weer de huidige maken; de tekst van nu blijft in de geschiedenis</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="86"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="87"/>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="88"/>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="89"/>
        <source>Contacts</source>
        <translation>Contacten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="90"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="91"/>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="92"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="90"/>
        <source>Sections</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="97"/>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="205"/>
        <source>&amp;Open event pack…</source>
        <translation>Evenementpakket &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="208"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="210"/>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="212"/>
        <source>&amp;Find…</source>
        <translation>&amp;Zoeken…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="215"/>
        <source>&amp;New note</source>
        <translation>&amp;Nieuwe notitie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="217"/>
        <source>&amp;Jump to now</source>
        <translation>Naar &amp;nu</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="219"/>
        <source>&amp;Emergency contacts</source>
        <translation>Noo&amp;dcontacten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="226"/>
        <source>&amp;About Field Visit Companion</source>
        <translation>&amp;Over Veldbezoek-assistent</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="228"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="235"/>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="240"/>
        <source>&amp;Event:</source>
        <translation>&amp;Evenement:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="244"/>
        <source>Event</source>
        <translation>Evenement</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="245"/>
        <source>Switch between installed events</source>
        <translation>Wissel tussen geïnstalleerde evenementen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="264"/>
        <location filename="../../fieldvisit/gui/main_window.py" line="265"/>
        <location filename="../../fieldvisit/gui/main_window.py" line="526"/>
        <source>Emergency contacts</source>
        <translation>Noodcontacten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="266"/>
        <source>Emergency and duty contacts (Ctrl+E)</source>
        <translation>Nood- en dienstcontacten (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="274"/>
        <location filename="../../fieldvisit/gui/send_return.py" line="407"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="281"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="284"/>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="290"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="298"/>
        <source>Pretend time</source>
        <translation>Doe-alsof-tijd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="306"/>
        <source>Working</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="415"/>
        <source>Field Visit Companion</source>
        <translation>Veldbezoek-assistent</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="430"/>
        <source>Something went wrong: %1</source>
        <translation>Er ging iets mis: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="440"/>
        <source>Pretend time: %1</source>
        <translation>Doe-alsof-tijd: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="509"/>
        <source>About Field Visit Companion</source>
        <translation>Over Veldbezoek-assistent</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="511"/>
        <source>&lt;b&gt;Field Visit Companion %1&lt;/b&gt;&lt;p&gt;An offline companion for delegates at practitioner conferences and field visits. Your notes and answers stay on this computer until you choose to send them.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Veldbezoek-assistent %1&lt;/b&gt;&lt;p&gt;Een offline hulpmiddel voor deelnemers aan vakconferenties en veldbezoeken. Uw notities en antwoorden blijven op deze computer tot u ervoor kiest ze te versturen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="522"/>
        <source>Search the programme and your notes</source>
        <translation>Doorzoek het programma en uw notities</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="524"/>
        <source>New note</source>
        <translation>Nieuwe notitie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="525"/>
        <source>Jump to now in the programme</source>
        <translation>Naar nu in het programma</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="527"/>
        <source>Open an event pack</source>
        <translation>Een evenementpakket openen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="528"/>
        <source>Today … Alt+7 Documents</source>
        <translation>Vandaag … Alt+7 Documenten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/main_window.py" line="535"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="412"/>
        <source>Send to &amp;organisers…</source>
        <translation>&amp;Verzenden naar organisatoren…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="420"/>
        <source>Send to organisers</source>
        <translation>Verzenden naar organisatoren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="421"/>
        <source>Install an event pack first.</source>
        <translation>Installeer eerst een evenementpakket.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="428"/>
        <source>Return written: %1</source>
        <translation>Terugzending opgeslagen: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="437"/>
        <source>&amp;Export</source>
        <translation>&amp;Exporteren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="441"/>
        <source>Or&amp;ganiser window…</source>
        <translation>Or&amp;ganisatorvenster…</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="64"/>
        <source>Map of the visit</source>
        <translation>Kaart van het bezoek</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="71"/>
        <source>No map: the stops of this visit have no coordinates.</source>
        <translation>Geen kaart: de stops van dit bezoek hebben geen coördinaten.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="87"/>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="87"/>
        <source>Zoom in (+)</source>
        <translation>Inzoomen (+)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="88"/>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="88"/>
        <source>Zoom out (-)</source>
        <translation>Uitzoomen (-)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="91"/>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="92"/>
        <source>Show the whole route</source>
        <translation>De hele route tonen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="469"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/mapview.py" line="474"/>
        <source>Schematic from the stops&apos; coordinates</source>
        <translation>Schematisch, op basis van de coördinaten van de stops</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="112"/>
        <source>Save state</source>
        <translation>Opslagstatus</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="116"/>
        <source>Note text</source>
        <translation>Notitietekst</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="118"/>
        <source>Write here. Markdown works: # heading, *emphasis*, - lists.</source>
        <translation>Schrijf hier. Markdown werkt: # kop, *nadruk*, - opsomming.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="125"/>
        <source>Markdown preview</source>
        <translation>Markdown-voorbeeld</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="130"/>
        <source>Tags</source>
        <translation>Labels</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="131"/>
        <source>tags, separated by commas</source>
        <translation>labels, gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="134"/>
        <source>&amp;Tags:</source>
        <translation>&amp;Labels:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="144"/>
        <source>&amp;Private (never sent)</source>
        <translation>&amp;Privé (nooit verzonden)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="147"/>
        <source>Private notes stay on this computer: they are never put in a return file.</source>
        <translation>Privénotities blijven op deze computer: ze gaan nooit mee in een terugzending.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="152"/>
        <source>Pre&amp;view</source>
        <translation>&amp;Voorbeeld</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="154"/>
        <source>Show Markdown preview</source>
        <translation>Markdown-voorbeeld tonen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="155"/>
        <source>Show the Markdown preview beside the text</source>
        <translation>Het Markdown-voorbeeld naast de tekst tonen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="157"/>
        <source>&amp;History…</source>
        <translation>Ge&amp;schiedenis…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="158"/>
        <source>Earlier versions of this note; restore one</source>
        <translation>Eerdere versies van deze notitie; zet er een terug</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="160"/>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="263"/>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="284"/>
        <source>&amp;Delete…</source>
        <translation>Verwij&amp;deren…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="161"/>
        <source>Move this note to Deleted (it can be brought back)</source>
        <translation>Deze notitie naar Verwijderd verplaatsen (ze kan worden teruggezet)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="203"/>
        <source>No note open. Press Ctrl+N to start one.</source>
        <translation>Geen notitie open. Druk op Ctrl+N voor een nieuwe.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="225"/>
        <source>A note of your own</source>
        <translation>Een losse notitie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="229"/>
        <source>Session no longer in the programme: {}</source>
        <translation>Sessie staat niet meer in het programma: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="230"/>
        <source>Stop no longer in the visit: {}</source>
        <translation>Stop hoort niet meer bij het bezoek: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="231"/>
        <source>Person no longer in the pack: {}</source>
        <translation>Persoon staat niet meer in het pakket: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="237"/>
        <source>On the session: {}</source>
        <translation>Bij de sessie: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="238"/>
        <source>At the stop: {}</source>
        <translation>Bij de stop: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="239"/>
        <source>About: {}</source>
        <translation>Over: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="263"/>
        <source>Un&amp;delete</source>
        <translation>Terug&amp;zetten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="265"/>
        <source>Deleted note (read-only)</source>
        <translation>Verwijderde notitie (alleen-lezen)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="267"/>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="368"/>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="394"/>
        <source>Saved {}</source>
        <translation>Opgeslagen om {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="285"/>
        <source>New note</source>
        <translation>Nieuwe notitie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="321"/>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/note_editor.py" line="376"/>
        <source>Not saved: {}</source>
        <translation>Niet opgeslagen: {}</translation>
    </message>
</context>
<context>
    <name>NotesSection</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="141"/>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="142"/>
        <source>Search notes</source>
        <translation>Notities doorzoeken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="148"/>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="150"/>
        <source>S&amp;how:</source>
        <translation>&amp;Tonen:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="152"/>
        <source>&amp;New note</source>
        <translation>&amp;Nieuwe notitie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="153"/>
        <source>Start a new note (Ctrl+N)</source>
        <translation>Een nieuwe notitie beginnen (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="158"/>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="208"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="220"/>
        <source>All notes</source>
        <translation>Alle notities</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="221"/>
        <source>This session</source>
        <translation>Huidige sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="222"/>
        <source>Orphaned</source>
        <translation>Losgeraakt</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="223"/>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="281"/>
        <source>Private</source>
        <translation>Privé</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="224"/>
        <source>Deleted</source>
        <translation>Verwijderd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="226"/>
        <source>Tag: {}</source>
        <translation>Label: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="228"/>
        <source>On the chosen item</source>
        <translation>Bij het gekozen item</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="278"/>
        <source>(empty note)</source>
        <translation>(lege notitie)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="285"/>
        <source>Orphaned: {}</source>
        <translation>Losgeraakt: {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="308"/>
        <source>No note matches.</source>
        <translation>Geen notitie gevonden.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="310"/>
        <source>No notes here yet. New note (Ctrl+N) starts one.</source>
        <translation>Hier nog geen notities. Begin er een met Nieuwe notitie (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="513"/>
        <source>Delete note</source>
        <translation>Notitie verwijderen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/notes.py" line="514"/>
        <source>Delete this note? You can bring it back from Show: Deleted.</source>
        <translation>Deze notitie verwijderen? Terughalen kan via Tonen: Verwijderd.</translation>
    </message>
</context>
<context>
    <name>OpenPackFlow</name>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="256"/>
        <source>Open event pack</source>
        <translation>Evenementpakket openen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="258"/>
        <source>Event packs (*.fvpack);;All files (*)</source>
        <translation>Evenementpakketten (*.fvpack);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="303"/>
        <source>Installed “%1”, version %2.</source>
        <translation>“%1” geïnstalleerd, versie %2.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="318"/>
        <source>Cannot open the event pack</source>
        <translation>Het evenementpakket kan niet worden geopend</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="319"/>
        <source>The pack was not opened and nothing you stored has changed.</source>
        <translation>Het pakket is niet geopend en niets van wat u bewaard hebt is veranderd.</translation>
    </message>
</context>
<context>
    <name>OrganiserWindow</name>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="210"/>
        <source>Organiser: collation</source>
        <translation>Organisator: verzamelen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="219"/>
        <location filename="../../fieldvisit/gui/organiser.py" line="270"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="220"/>
        <location filename="../../fieldvisit/gui/organiser.py" line="231"/>
        <location filename="../../fieldvisit/gui/organiser.py" line="249"/>
        <location filename="../../fieldvisit/gui/organiser.py" line="262"/>
        <source>Delegate</source>
        <translation>Deelnemer</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="221"/>
        <source>Created</source>
        <translation>Gemaakt</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="222"/>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="223"/>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="224"/>
        <source>Superseded</source>
        <translation>Vervangen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="225"/>
        <source>Conflicts</source>
        <translation>Conflicten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="232"/>
        <source>Installation</source>
        <translation>Installatie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="233"/>
        <source>Returns</source>
        <translation>Terugzendingen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="234"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="235"/>
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="236"/>
        <source>Picks</source>
        <translation>Agendakeuzes</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="237"/>
        <source>Ratings</source>
        <translation>Waarderingen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="244"/>
        <source>Questionnaire</source>
        <translation>Vragenlijst</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="247"/>
        <source>Question</source>
        <translation>Vraag</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="248"/>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="250"/>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="251"/>
        <source>Conflict</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="256"/>
        <source>Session or stop</source>
        <translation>Sessie of stop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="260"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="261"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="263"/>
        <source>Revision</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="264"/>
        <source>Versions</source>
        <translation>Versies</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="271"/>
        <source>Reason</source>
        <translation>Reden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="272"/>
        <source>Detail</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="279"/>
        <source>&amp;Returns</source>
        <translation>&amp;Terugzendingen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="280"/>
        <source>&amp;Delegates</source>
        <translation>&amp;Deelnemers</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="281"/>
        <source>&amp;Answers</source>
        <translation>&amp;Antwoorden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="285"/>
        <source>Digests</source>
        <translation>Bundels</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="294"/>
        <source>D&amp;igests</source>
        <translation>&amp;Bundels</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="295"/>
        <source>&amp;Conflicts</source>
        <translation>&amp;Conflicten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="296"/>
        <source>Re&amp;jected files</source>
        <translation>&amp;Geweigerde bestanden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="299"/>
        <source>Collation</source>
        <translation>Verzamelen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="301"/>
        <source>&amp;Open store…</source>
        <translation>Verzamelbestand &amp;openen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="303"/>
        <source>&amp;Collate returns…</source>
        <translation>Terugzendingen &amp;verzamelen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="305"/>
        <source>Write &amp;report…</source>
        <translation>&amp;Rapport schrijven…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="312"/>
        <source>Collation progress</source>
        <translation>Voortgang van het verzamelen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="314"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="316"/>
        <source>Stop after the current file; what is done stays</source>
        <translation>Stoppen na het huidige bestand; wat klaar is, blijft</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="328"/>
        <source>Report written to %1</source>
        <translation>Rapport opgeslagen in %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="346"/>
        <source>Organiser: %1</source>
        <translation>Organisator: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="365"/>
        <source>Open or create a collation store</source>
        <translation>Een verzamelbestand openen of aanmaken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="366"/>
        <source>Collation store (*.sqlite)</source>
        <translation>Verzamelbestand (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="378"/>
        <source>Return files</source>
        <translation>Terugzendbestanden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="378"/>
        <source>Returns (*.fvreturn)</source>
        <translation>Terugzendingen (*.fvreturn)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="382"/>
        <source>The organiser&apos;s private key</source>
        <translation>De privésleutel van de organisator</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="396"/>
        <source>Passphrase</source>
        <translation>Wachtwoordzin</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="396"/>
        <source>Passphrase for %1:</source>
        <translation>Wachtwoordzin voor %1:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="411"/>
        <source>Write the report into</source>
        <translation>Het rapport opslaan in</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="437"/>
        <source>Collating %1</source>
        <translation>Verzamelen: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="444"/>
        <source>%1 accepted, %2 already collated, %3 rejected</source>
        <translation>%1 aanvaard, %2 al verzameld, %3 geweigerd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="450"/>
        <source>(cancelled)</source>
        <translation>(geannuleerd)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/organiser.py" line="458"/>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
</context>
<context>
    <name>PlaceholderSection</name>
    <message>
        <location filename="../../fieldvisit/gui/navigation.py" line="41"/>
        <source>%1 is not available in this build.</source>
        <translation>%1 is niet beschikbaar in deze versie.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="34"/>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="35"/>
        <source>kind</source>
        <translation>soort</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="36"/>
        <source>start</source>
        <translation>begin</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="37"/>
        <source>end</source>
        <translation>einde</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="38"/>
        <source>room</source>
        <translation>zaal</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="39"/>
        <source>venue</source>
        <translation>locatie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="40"/>
        <source>online link</source>
        <translation>onlinelink</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="41"/>
        <source>track</source>
        <translation>track</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="42"/>
        <source>description</source>
        <translation>beschrijving</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="43"/>
        <source>speakers</source>
        <translation>sprekers</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="44"/>
        <source>documents</source>
        <translation>documenten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="45"/>
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="46"/>
        <source>sign-up group</source>
        <translation>inschrijfgroep</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="47"/>
        <source>language</source>
        <translation>taal</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="48"/>
        <source>planned start</source>
        <translation>gepland begin</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="49"/>
        <source>planned end</source>
        <translation>gepland einde</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="50"/>
        <source>address</source>
        <translation>adres</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="51"/>
        <source>latitude</source>
        <translation>breedtegraad</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="52"/>
        <source>longitude</source>
        <translation>lengtegraad</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="53"/>
        <source>host</source>
        <translation>ontvangen door</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="54"/>
        <source>briefing</source>
        <translation>briefing</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="55"/>
        <source>etiquette</source>
        <translation>omgangsvormen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="56"/>
        <source>safety</source>
        <translation>veiligheid</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="57"/>
        <source>directions to the next stop</source>
        <translation>naar de volgende stop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="58"/>
        <source>itinerary</source>
        <translation>route</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="59"/>
        <source>order</source>
        <translation>volgorde</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="87"/>
        <source>Open event pack</source>
        <translation>Evenementpakket openen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="96"/>
        <source>File: %1</source>
        <translation>Bestand: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="97"/>
        <source>Event id: %1</source>
        <translation>Evenement-id: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="100"/>
        <source>Version %1 (new event)</source>
        <translation>Versie %1 (nieuw evenement)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="103"/>
        <source>Version %1 → %2</source>
        <translation>Versie %1 → %2</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="109"/>
        <source>Organiser key fingerprint: %1</source>
        <translation>Vingerafdruk van de sleutel van de organisator: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="116"/>
        <source>This pack is NOT signed: anyone could have made it.</source>
        <translation>Dit pakket is NIET ondertekend: iedereen kan het gemaakt hebben.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="122"/>
        <source>Warning: this event was signed before by another key (%1).</source>
        <translation>Let op: dit evenement is eerder met een andere sleutel ondertekend (%1).</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="128"/>
        <source>Compare this fingerprint with the one the organisers gave you.</source>
        <translation>Vergelijk deze vingerafdruk met die u van de organisatoren kreeg.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="131"/>
        <source>%1 sessions, %2 stops, %3 people, %4 documents, %5 questionnaires</source>
        <translation>%1 sessies, %2 stops, %3 personen, %4 documenten, %5 vragenlijsten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="146"/>
        <source>What will change</source>
        <translation>Wat er verandert</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="155"/>
        <source>I trust this unsigned pack</source>
        <translation>Ik vertrouw dit niet-ondertekende pakket</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="157"/>
        <source>I checked with the organisers: accept the new key</source>
        <translation>Ik heb het nagevraagd bij de organisatoren: nieuwe sleutel accepteren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="165"/>
        <source>This pack is older than the installed version and cannot be opened.</source>
        <translation>Dit pakket is ouder dan de geïnstalleerde versie en kan niet worden geopend.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="168"/>
        <source>This pack has the installed version number but different content; ask the organisers for a newer version.</source>
        <translation>Dit pakket heeft het geïnstalleerde versienummer maar een andere inhoud; vraag de organisatoren om een nieuwere versie.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="179"/>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="188"/>
        <source>Already installed</source>
        <translation>Al geïnstalleerd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="195"/>
        <source>A new event: everything will be installed.</source>
        <translation>Een nieuw evenement: alles wordt geïnstalleerd.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="198"/>
        <source>This version is already installed.</source>
        <translation>Deze versie is al geïnstalleerd.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="201"/>
        <source>%1 new, %2 changed, %3 cancelled</source>
        <translation>%1 nieuw, %2 gewijzigd, %3 vervallen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldvisit/gui/open_pack.py" line="215"/>
        <source>%n of your notes will lose their session or stop; they are kept.</source>
        <translation>
            <numerusform>%n notitie verliest haar sessie of stop; ze blijft bewaard.</numerusform>
            <numerusform>%n notities verliezen hun sessie of stop; ze blijven bewaard.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/open_pack.py" line="222"/>
        <source>Your notes, answers and agenda are kept.</source>
        <translation>Uw notities, antwoorden en agenda blijven bewaard.</translation>
    </message>
</context>
<context>
    <name>Programme</name>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="36"/>
        <source>Plenary</source>
        <translation>Plenair</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="37"/>
        <source>Inspiration session</source>
        <translation>Inspiratiesessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="38"/>
        <source>Working group</source>
        <translation>Werkgroep</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="39"/>
        <source>Workshop</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="40"/>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="41"/>
        <source>Field visit</source>
        <translation>Veldbezoek</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="42"/>
        <source>Break</source>
        <translation>Pauze</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="43"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="44"/>
        <source>Talk</source>
        <translation>Lezing</translation>
    </message>
</context>
<context>
    <name>ProgrammeSection</name>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="79"/>
        <location filename="../../fieldvisit/gui/programme/section.py" line="201"/>
        <source>Programme</source>
        <translation>Programma</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="85"/>
        <source>Days</source>
        <translation>Dagen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="91"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Soort:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="92"/>
        <source>&amp;Room:</source>
        <translation>&amp;Zaal:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="93"/>
        <source>T&amp;rack:</source>
        <translation>T&amp;rack:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="96"/>
        <source>Filter by title, speaker, words…</source>
        <translation>Filter op titel, spreker, woorden…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="97"/>
        <source>Filter the programme</source>
        <translation>Het programma filteren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="101"/>
        <source>&amp;Columns:</source>
        <translation>&amp;Kolommen:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="102"/>
        <source>Rooms</source>
        <translation>Zalen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="103"/>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="113"/>
        <source>Programme views</source>
        <translation>Programmaweergaven</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="117"/>
        <source>&amp;Timeline</source>
        <translation>&amp;Tijdlijn</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="120"/>
        <source>Sessions</source>
        <translation>Sessies</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="138"/>
        <source>&amp;List</source>
        <translation>&amp;Lijst</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="148"/>
        <source>My agenda</source>
        <translation>Mijn agenda</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="153"/>
        <source>&amp;My agenda</source>
        <translation>&amp;Mijn agenda</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="235"/>
        <source>All kinds</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="236"/>
        <source>All rooms</source>
        <translation>Alle zalen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="237"/>
        <source>All tracks</source>
        <translation>Alle tracks</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="277"/>
        <source>Nothing picked yet. Choose a session and press “Add to my agenda”.</source>
        <translation>Nog niets gekozen. Kies een sessie en druk op “Aan mijn agenda toevoegen”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldvisit/gui/programme/section.py" line="280"/>
        <source>%n session(s) in my agenda.</source>
        <translation>
            <numerusform>%n sessie in mijn agenda.</numerusform>
            <numerusform>%n sessies in mijn agenda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldvisit/gui/programme/section.py" line="283"/>
        <source>%n overlap(s): see the warnings below.</source>
        <translation>
            <numerusform>%n overlap: zie de waarschuwing hieronder.</numerusform>
            <numerusform>%n overlappingen: zie de waarschuwingen hieronder.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="454"/>
        <source>One choice per slot</source>
        <translation>Eén keuze per tijdvak</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="456"/>
        <source>You already chose “%1” for this slot, and only one session of this group can be picked. Pick “%2” instead?</source>
        <translation>U koos al “%1” voor dit tijdvak, en uit deze groep kan maar één sessie gekozen worden. “%2” kiezen in plaats daarvan?</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="474"/>
        <source>Replaced %1 in your agenda.</source>
        <translation>%1 vervangen in uw agenda.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/section.py" line="478"/>
        <source>Added, but it overlaps with: %1</source>
        <translation>Toegevoegd, maar het overlapt met: %1</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/question_form.py" line="49"/>
        <source>Required</source>
        <translation>Verplicht</translation>
    </message>
</context>
<context>
    <name>QuestionsSection</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="122"/>
        <source>Questionnaires</source>
        <translation>Vragenlijsten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="136"/>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="138"/>
        <source>&amp;Session:</source>
        <translation>&amp;Sessie:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="141"/>
        <source>Completion</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="143"/>
        <source>Save state</source>
        <translation>Opslagstatus</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="175"/>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="258"/>
        <source>Questions</source>
        <translation>Vragen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="220"/>
        <source>answered for {0} of {1} sessions</source>
        <translation>beantwoord voor {0} van {1} sessies</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="225"/>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="308"/>
        <source>{0} of {1} answered</source>
        <translation>{0} van {1} beantwoord</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="226"/>
        <source>read-only, version {0}: {1}</source>
        <translation>alleen-lezen, versie {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="230"/>
        <source>Before the event</source>
        <translation>Vooraf</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="231"/>
        <source>Per session</source>
        <translation>Per sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="232"/>
        <source>After the event</source>
        <translation>Achteraf</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="241"/>
        <source>Earlier versions</source>
        <translation>Eerdere versies</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="260"/>
        <source>This event has no questionnaires.</source>
        <translation>Dit evenement heeft geen vragenlijsten.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="301"/>
        <source>Read-only: a newer version replaced it</source>
        <translation>Alleen-lezen: vervangen door een nieuwere versie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="310"/>
        <source>{0} required (*) still open</source>
        <translation>verplicht (*) nog open: {0}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="325"/>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="352"/>
        <source>Saved {}</source>
        <translation>Opgeslagen om {}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/questions.py" line="364"/>
        <source>Not saved: {}</source>
        <translation>Niet opgeslagen: {}</translation>
    </message>
</context>
<context>
    <name>ReturnItemsModel</name>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="56"/>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="57"/>
        <source>Answers</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="58"/>
        <source>Agenda picks</source>
        <translation>Agendakeuzes</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="59"/>
        <source>Ratings</source>
        <translation>Waarderingen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="153"/>
        <source>Send</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="153"/>
        <source>Confirm confidential</source>
        <translation>Vertrouwelijk bevestigen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="194"/>
        <source>A note on a confidential session: it goes only once confirmed.</source>
        <translation>Een notitie bij een vertrouwelijke sessie: die gaat pas mee na bevestiging.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="199"/>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="199"/>
        <source>Confirm?</source>
        <translation>Bevestigen?</translation>
    </message>
</context>
<context>
    <name>RevisionsModel</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/history_dialog.py" line="49"/>
        <source>Revision {0} · {1} · {2} characters</source>
        <translation>Versie {0} · {1} · {2} tekens</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="125"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="129"/>
        <source>&amp;Search the programme and your notes:</source>
        <translation>&amp;Doorzoek het programma en uw notities:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="132"/>
        <source>Search the programme and your notes</source>
        <translation>Doorzoek het programma en uw notities</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="133"/>
        <source>Words to find…</source>
        <translation>Te zoeken woorden…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="141"/>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldvisit/gui/search.py" line="194"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultaat</numerusform>
            <numerusform>%n resultaten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="196"/>
        <source>Nothing found.</source>
        <translation>Niets gevonden.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="65"/>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/search.py" line="72"/>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
</context>
<context>
    <name>SendReturnDialog</name>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="246"/>
        <location filename="../../fieldvisit/gui/send_return.py" line="380"/>
        <source>Send to organisers</source>
        <translation>Verzenden naar organisatoren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="251"/>
        <source>Everything ticked goes into one encrypted file that only the organisers can open. Untick anything you want to keep. Private notes are never listed nor sent; a note on a confidential session goes only once you confirm it.</source>
        <translation>Alles wat aangevinkt is, gaat in één versleuteld bestand dat alleen de organisatoren kunnen openen. Vink uit wat u voor uzelf wilt houden. Privénotities worden nooit getoond of verzonden; een notitie bij een vertrouwelijke sessie gaat pas mee als u die bevestigt.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="260"/>
        <source>What will be sent</source>
        <translation>Wat wordt verzonden</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="267"/>
        <source>optional: how the organisers will see you</source>
        <translation>optioneel: hoe de organisatoren u zien</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="270"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Kiezen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="271"/>
        <source>Choose the folder, e.g. a USB stick</source>
        <translation>Kies de map, bijvoorbeeld op een usb-stick</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="277"/>
        <source>Your &amp;name:</source>
        <translation>Uw &amp;naam:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="279"/>
        <source>Save &amp;in:</source>
        <translation>Opslaan &amp;in:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="288"/>
        <source>&amp;Send</source>
        <translation>&amp;Verzenden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldvisit/gui/send_return.py" line="329"/>
        <source>%n item(s) will be sent.</source>
        <translation>
            <numerusform>%n item wordt verzonden.</numerusform>
            <numerusform>%n items worden verzonden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldvisit/gui/send_return.py" line="332"/>
        <source>%n confidential note(s) wait for your confirmation.</source>
        <translation>
            <numerusform>%n vertrouwelijke notitie wacht op uw bevestiging.</numerusform>
            <numerusform>%n vertrouwelijke notities wachten op uw bevestiging.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/send_return.py" line="340"/>
        <source>Save the return in</source>
        <translation>De terugzending opslaan in</translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="60"/>
        <source>Session detail</source>
        <translation>Sessiedetails</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="70"/>
        <source>Session title</source>
        <translation>Sessietitel</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="72"/>
        <source>CONFIDENTIAL</source>
        <translation>VERTROUWELIJK</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="74"/>
        <source>Confidential session</source>
        <translation>Vertrouwelijke sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="76"/>
        <source>Confidential: do not share what is said here outside the session.</source>
        <translation>Vertrouwelijk: deel wat hier gezegd wordt niet buiten de sessie.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="87"/>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="159"/>
        <source>&amp;Add to my agenda</source>
        <translation>&amp;Aan mijn agenda toevoegen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="90"/>
        <source>Add to my agenda</source>
        <translation>Aan mijn agenda toevoegen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="93"/>
        <source>N&amp;ote on this session</source>
        <translation>N&amp;otitie bij deze sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="95"/>
        <source>Note on this session</source>
        <translation>Notitie bij deze sessie</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="102"/>
        <source>Your rating:</source>
        <translation>Uw waardering:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldvisit/gui/programme/detail.py" line="110"/>
        <source>Rate %n star(s)</source>
        <translation>
            <numerusform>%n ster geven</numerusform>
            <numerusform>%n sterren geven</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="123"/>
        <source>Session details</source>
        <translation>Sessiedetails</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="129"/>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="151"/>
        <source>Choose a session to see it here.</source>
        <translation>Kies een sessie om die hier te zien.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="159"/>
        <source>In my &amp;agenda</source>
        <translation>In mijn &amp;agenda</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="169"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="170"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="171"/>
        <source>Room</source>
        <translation>Zaal</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="172"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="173"/>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="174"/>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="175"/>
        <source>Documents</source>
        <translation>Documenten</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="182"/>
        <source>(%1 on this computer)</source>
        <translation>(%1 op deze computer)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/detail.py" line="214"/>
        <source>Confidential session: what is said here stays here.</source>
        <translation>Vertrouwelijke sessie: wat hier gezegd wordt, blijft hier.</translation>
    </message>
</context>
<context>
    <name>SessionTableModel</name>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="112"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="113"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="114"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="115"/>
        <source>Room</source>
        <translation>Zaal</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="116"/>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="117"/>
        <source>Speakers</source>
        <translation>Sprekers</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="135"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="150"/>
        <source>Confidential</source>
        <translation>Vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="160"/>
        <source>confidential</source>
        <translation>vertrouwelijk</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/models.py" line="162"/>
        <source>in my agenda</source>
        <translation>in mijn agenda</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="33"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="38"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="39"/>
        <source>Same as the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="44"/>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="47"/>
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="48"/>
        <source>Follow the system</source>
        <translation>Volg het systeem</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="49"/>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="50"/>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="54"/>
        <source>&amp;Colours:</source>
        <translation>&amp;Kleuren:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="55"/>
        <source>Show this computer&apos;s &amp;time beside event times</source>
        <translation>De tijd van deze &amp;computer naast evenementtijden tonen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="59"/>
        <source>&amp;Pretend it is:</source>
        <translation>&amp;Doe alsof het is:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="64"/>
        <source>Pretend time, in the event&apos;s time zone</source>
        <translation>Doe-alsof-tijd, in de tijdzone van het evenement</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/settings_dialog.py" line="74"/>
        <source>A new language is used from the next start.</source>
        <translation>Een nieuwe taal wordt gebruikt vanaf de volgende start.</translation>
    </message>
</context>
<context>
    <name>StopsModel</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="91"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="94"/>
        <source>Next</source>
        <translation>Volgende</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="97"/>
        <source>visited</source>
        <translation>bezocht</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../fieldvisit/gui/programme/timeline.py" line="55"/>
        <source>Day timeline</source>
        <translation>Dagtijdlijn</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/timeline.py" line="57"/>
        <source>Sessions as boxes, rooms side by side. Arrow keys move between sessions.</source>
        <translation>Sessies als blokken, zalen naast elkaar. Met de pijltoetsen gaat u van sessie naar sessie.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/timeline.py" line="252"/>
        <source>No sessions match the filters on this day.</source>
        <translation>Geen sessies op deze dag die aan de filters voldoen.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/programme/timeline.py" line="354"/>
        <source>CONFIDENTIAL</source>
        <translation>VERTROUWELIJK</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="88"/>
        <source>Open in %1</source>
        <translation>Openen in %1</translation>
    </message>
</context>
<context>
    <name>TodaySection</name>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="109"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="128"/>
        <location filename="../../fieldvisit/gui/today.py" line="239"/>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="141"/>
        <source>Event time</source>
        <translation>Evenementtijd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="150"/>
        <source>&amp;Now</source>
        <translation>&amp;Nu</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="151"/>
        <source>N&amp;ext</source>
        <translation>Hie&amp;rna</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="152"/>
        <source>Field &amp;visit</source>
        <translation>&amp;Veldbezoek</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="155"/>
        <location filename="../../fieldvisit/gui/today.py" line="159"/>
        <source>Changes since the last update</source>
        <translation>Wijzigingen sinds de laatste update</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="161"/>
        <source>&amp;Mark as seen</source>
        <translation>&amp;Markeren als gezien</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="163"/>
        <source>Mark changes as seen</source>
        <translation>Wijzigingen als gezien markeren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="168"/>
        <source>Pretend time</source>
        <translation>Doe-alsof-tijd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="171"/>
        <source>Rehearse the day: see Today as it will be at another moment.</source>
        <translation>Oefen de dag: zie Vandaag zoals het op een ander moment zal zijn.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="177"/>
        <source>Pretend time, in the event&apos;s time zone</source>
        <translation>Doe-alsof-tijd, in de tijdzone van het evenement</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="180"/>
        <source>&amp;At:</source>
        <translation>&amp;Om:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="186"/>
        <source>&amp;Pretend</source>
        <translation>&amp;Doe alsof</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="188"/>
        <source>Use the pretend time</source>
        <translation>De doe-alsof-tijd gebruiken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="190"/>
        <source>Use &amp;real time</source>
        <translation>Echte &amp;tijd gebruiken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="192"/>
        <source>Use real time</source>
        <translation>Echte tijd gebruiken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="275"/>
        <source>No event installed yet</source>
        <translation>Nog geen evenement geïnstalleerd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="276"/>
        <source>Open an event pack with File ▸ Open event pack…</source>
        <translation>Open een evenementpakket met Bestand ▸ Evenementpakket openen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="280"/>
        <source>%1 (event time, %2)</source>
        <translation>%1 (evenementtijd, %2)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="283"/>
        <source>pretend time</source>
        <translation>doe-alsof-tijd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="285"/>
        <source>Nothing on right now.</source>
        <translation>Op dit moment is er niets.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="289"/>
        <source>Nothing later in the programme.</source>
        <translation>Verder niets meer in het programma.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="291"/>
        <source>This event ended on %1.</source>
        <translation>Dit evenement is afgelopen op %1.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="301"/>
        <source>Now at: %1</source>
        <translation>Nu bij: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="306"/>
        <source>Next stop: %1 %2</source>
        <translation>Volgende stop: %1 %2</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="311"/>
        <source>No upcoming stop.</source>
        <translation>Geen volgende stop.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="316"/>
        <source>No unseen changes.</source>
        <translation>Geen ongeziene wijzigingen.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="323"/>
        <source>CONFIDENTIAL</source>
        <translation>VERTROUWELIJK</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="334"/>
        <source>New: %1</source>
        <translation>Nieuw: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="336"/>
        <source>Cancelled: %1</source>
        <translation>Vervallen: %1</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/today.py" line="340"/>
        <source>Changed: %1</source>
        <translation>Gewijzigd: %1</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="187"/>
        <source>Unlock Field Visit Companion</source>
        <translation>Field Visit Companion ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="192"/>
        <source>&amp;Quit</source>
        <translation>A&amp;fsluiten</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="87"/>
        <source>&lt;h2&gt;Your notes are locked&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Uw notities zijn vergrendeld&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="92"/>
        <source>This computer keeps your notes, answers and contacts encrypted. Type your passcode to open them.</source>
        <translation>Deze computer bewaart uw notities, antwoorden en contacten versleuteld. Typ uw toegangscode om ze te openen.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="99"/>
        <source>&amp;Passcode:</source>
        <translation>&amp;Toegangscode:</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="103"/>
        <source>Passcode</source>
        <translation>Toegangscode</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="105"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Ontgrendelen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="118"/>
        <source>A forgotten passcode cannot be recovered: nobody, not the organisers and not the makers of this app, can open these notes without it. Returns you already sent are not affected.</source>
        <translation>Een vergeten toegangscode kan niet worden hersteld: niemand, niet de organisatoren en niet de makers van deze app, kan deze notities zonder de code openen. Terugzendingen die u al verstuurd hebt, blijven ongemoeid.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="143"/>
        <source>Type your passcode.</source>
        <translation>Typ uw toegangscode.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="148"/>
        <source>Unlocking…</source>
        <translation>Ontgrendelen…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="170"/>
        <source>Wrong passcode. Nothing was changed; try again.</source>
        <translation>Verkeerde toegangscode. Er is niets veranderd; probeer het opnieuw.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/lock.py" line="174"/>
        <source>Cannot unlock: %1</source>
        <translation>Kan niet ontgrendelen: %1</translation>
    </message>
</context>
<context>
    <name>VisitSection</name>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="129"/>
        <source>Itinerary</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="133"/>
        <source>Current and next stop</source>
        <translation>Huidige en volgende stop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="136"/>
        <source>Stops</source>
        <translation>Stops</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="142"/>
        <source>Stop details</source>
        <translation>Gegevens van de stop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="145"/>
        <source>&amp;Note at this stop</source>
        <translation>&amp;Notitie bij deze stop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="146"/>
        <source>Start a note attached to the selected stop</source>
        <translation>Een notitie beginnen bij de gekozen stop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="148"/>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="360"/>
        <source>&amp;Mark visited</source>
        <translation>Als bezocht &amp;markeren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="150"/>
        <source>Tick off the selected stop</source>
        <translation>De gekozen stop afvinken</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="152"/>
        <source>Export &amp;GPX…</source>
        <translation>GPX e&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="153"/>
        <source>Save the route and stops for a GPS or map app</source>
        <translation>Route en stops opslaan voor een gps- of kaartapp</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="190"/>
        <source>Visit</source>
        <translation>Bezoek</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="236"/>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="306"/>
        <source>This event has no field visit.</source>
        <translation>Dit evenement heeft geen veldbezoek.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="277"/>
        <source>Now: {0}. {1}</source>
        <translation>Nu: {0}. {1}</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="287"/>
        <source>Next: {0}. {1} at {2}</source>
        <translation>Volgende: {0}. {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="290"/>
        <source>The visit is over, or its stops have no times.</source>
        <translation>Het bezoek is voorbij, of de stops hebben geen tijden.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="304"/>
        <source>No map: the stops of this visit have no coordinates.</source>
        <translation>Geen kaart: de stops van dit bezoek hebben geen coördinaten.</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="333"/>
        <source>the map picture cannot be read</source>
        <translation>de kaartafbeelding kan niet worden gelezen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="360"/>
        <source>Visited ✓</source>
        <translation>Bezocht ✓</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="374"/>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="377"/>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="383"/>
        <source>Host</source>
        <translation>Ontvangen door</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="389"/>
        <source>Etiquette</source>
        <translation>Omgangsvormen</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="391"/>
        <source>Safety</source>
        <translation>Veiligheid</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="395"/>
        <source>To the next stop</source>
        <translation>Naar de volgende stop</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="466"/>
        <source>Export the itinerary as GPX</source>
        <translation>De route als GPX exporteren</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="466"/>
        <source>GPX files (*.gpx)</source>
        <translation>GPX-bestanden (*.gpx)</translation>
    </message>
    <message>
        <location filename="../../fieldvisit/gui/sections/visit.py" line="480"/>
        <source>GPX not written</source>
        <translation>GPX-bestand niet opgeslagen</translation>
    </message>
</context>
</TS>
