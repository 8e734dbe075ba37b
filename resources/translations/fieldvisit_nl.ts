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
        <source>Cannot open %1 here.</source>
        <translation>%1 kan hier niet worden geopend.</translation>
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
        <source>&amp;New note</source>
        <translation>&amp;Nieuwe notitie</translation>
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
        <source>&amp;Event:</source>
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
        <source>New note</source>
        <translation>Nieuwe notitie</translation>
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
    <name>PlaceholderSection</name>
    <message>
        <source>%1 is not available in this build.</source>
        <translation>%1 is niet beschikbaar in deze versie.</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
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
            <numerusform>%n notitie verliest haar sessie of stop; ze blijft bewaard.</numerusform><numerusform>%n notities verliezen hun sessie of stop; ze blijven bewaard.</numerusform></translation>
    </message>
    <message>
        <source>Your notes, answers and agenda are kept.</source>
        <translation>Uw notities, antwoorden en agenda blijven bewaard.</translation>
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
        <source>&amp;Room:</source>
        <translation>&amp;Zaal:</translation>
    </message>
    <message>
        <source>T&amp;rack:</source>
        <translation>T&amp;rack:</translation>
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
        <source>&amp;Timeline</source>
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
        <source>All tracks</source>
        <translation>Alle tracks</translation>
    </message>
    <message>
        <source>Nothing picked yet. Choose a session and press “Add to my agenda”.</source>
        <translation>Nog niets gekozen. Kies een sessie en druk op “Aan mijn agenda toevoegen”.</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) in my agenda.</source>
        <translation>
            <numerusform>%n sessie in mijn agenda.</numerusform><numerusform>%n sessies in mijn agenda.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n overlap(s): see the warnings below.</source>
        <translation>
            <numerusform>%n overlap: zie de waarschuwing hieronder.</numerusform><numerusform>%n overlappingen: zie de waarschuwingen hieronder.</numerusform></translation>
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
    <name>SearchPopup</name>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>&amp;Search the programme and your notes:</source>
        <translation>&amp;Doorzoek het programma en uw notities:</translation>
    </message>
    <message>
        <source>Search the programme and your notes</source>
        <translation>Doorzoek het programma en uw notities</translation>
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
            <numerusform>%n resultaat</numerusform><numerusform>%n resultaten</numerusform></translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Niets gevonden.</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <source>Session</source>
        <translation>Sessie</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
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
            <numerusform>%n ster geven</numerusform><numerusform>%n sterren geven</numerusform></translation>
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
        <source>(%1 on this computer)</source>
        <translation>(%1 op deze computer)</translation>
    </message>
    <message>
        <source>Confidential session: what is said here stays here.</source>
        <translation>Vertrouwelijke sessie: wat hier gezegd wordt, blijft hier.</translation>
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
        <source>Show this computer's &amp;time beside event times</source>
        <translation>De tijd van deze &amp;computer naast evenementtijden tonen</translation>
    </message>
    <message>
        <source>&amp;Pretend it is:</source>
        <translation>&amp;Doe alsof het is:</translation>
    </message>
    <message>
        <source>Pretend time, in the event's time zone</source>
        <translation>Doe-alsof-tijd, in de tijdzone van het evenement</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>Een nieuwe taal wordt gebruikt vanaf de volgende start.</translation>
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
        <source>N&amp;ext</source>
        <translation>&amp;Hierna</translation>
    </message>
    <message>
        <source>Field &amp;visit</source>
        <translation>&amp;Veldbezoek</translation>
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
        <source>Pretend time, in the event's time zone</source>
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
        <translation>&amp;Echte tijd gebruiken</translation>
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
</context>
</TS>
