<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>PreviewDialog</name>
    <message numerus="yes">
        <source>%n of your notes will lose their session or stop; they are kept.</source>
        <translation>
            <numerusform>%n of your notes will lose its session or stop; it is kept.</numerusform>
            <numerusform>%n of your notes will lose their session or stop; they are kept.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeSection</name>
    <message numerus="yes">
        <source>%n session(s) in my agenda.</source>
        <translation>
            <numerusform>%n session in my agenda.</numerusform>
            <numerusform>%n sessions in my agenda.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overlap(s): see the warnings below.</source>
        <translation>
            <numerusform>%n overlap: see the warning below.</numerusform>
            <numerusform>%n overlaps: see the warnings below.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message numerus="yes">
        <source>Starts in %n minute(s)</source>
        <translation>
            <numerusform>Starts in %n minute</numerusform>
            <numerusform>Starts in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Next stop in %n minute(s)</source>
        <translation>
            <numerusform>Next stop in %n minute</numerusform>
            <numerusform>Next stop in %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendReturnDialog</name>
    <message numerus="yes">
        <source>%n item(s) will be sent.</source>
        <translation>
            <numerusform>%n item will be sent.</numerusform>
            <numerusform>%n items will be sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n confidential note(s) wait for your confirmation.</source>
        <translation>
            <numerusform>%n confidential note waits for your confirmation.</numerusform>
            <numerusform>%n confidential notes wait for your confirmation.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SessionDetail</name>
    <message numerus="yes">
        <source>Rate %n star(s)</source>
        <translation>
            <numerusform>Rate %n star</numerusform>
            <numerusform>Rate %n stars</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EraseEventDialog</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation>
            <numerusform>%n answer</numerusform>
            <numerusform>%n answers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n other record(s)</source>
        <translation>
            <numerusform>%n other record</numerusform>
            <numerusform>%n other records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmptyBinDialog</name>
    <message numerus="yes">
        <source>Erase the %n deleted note(s) of this event for real?</source>
        <translation>
            <numerusform>Erase the %n deleted note of this event for real?</numerusform>
            <numerusform>Erase the %n deleted notes of this event for real?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Erase %n note(s)</source>
        <translation>
            <numerusform>&amp;Erase %n note</numerusform>
            <numerusform>&amp;Erase %n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted note(s) erased for real.</source>
        <translation>
            <numerusform>%n deleted note erased for real.</numerusform>
            <numerusform>%n deleted notes erased for real.</numerusform>
        </translation>
    </message>
</context>
</TS>
