<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>Group {n}: %n pairs</source>
        <translation>
            <numerusform>Group {n}: %n pair</numerusform>
            <numerusform>Group {n}: %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n groups of duplicates</source>
        <translation>
            <numerusform>%n group of duplicates</numerusform>
            <numerusform>%n groups of duplicates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the first %n are listed</source>
        <translation>
            <numerusform>the first %n are listed</numerusform>
            <numerusform>the first %n are listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LearnText</name>
    <message numerus="yes">
        <source>The score has learnt from your %n decisions.</source>
        <translation>
            <numerusform>The score has learnt from your %n decision.</numerusform>
            <numerusform>The score has learnt from your %n decisions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions since the score last learnt: learn again to use them.</source>
        <translation>
            <numerusform>%n decision since the score last learnt: learn again to use them.</numerusform>
            <numerusform>%n decisions since the score last learnt: learn again to use them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n decisions to learn from.</source>
        <translation>
            <numerusform>%n decision to learn from.</numerusform>
            <numerusform>%n decisions to learn from.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Approve or reject %n more pairs (at least 10 of each) and the score can learn your taste.</source>
        <translation>
            <numerusform>Approve or reject %n more pair (at least 10 of each) and the score can learn your taste.</numerusform>
            <numerusform>Approve or reject %n more pairs (at least 10 of each) and the score can learn your taste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not yet: approve or reject %n more pairs (at least 10 of each) and the score can learn your taste.</source>
        <translation>
            <numerusform>Not yet: approve or reject %n more pair (at least 10 of each) and the score can learn your taste.</numerusform>
            <numerusform>Not yet: approve or reject %n more pairs (at least 10 of each) and the score can learn your taste.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too few decisions now (%n): the score is back to its defaults.</source>
        <translation>
            <numerusform>Too few decisions now (%n): the score is back to its defaults.</numerusform>
            <numerusform>Too few decisions now (%n): the score is back to its defaults.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Learnt from %n decisions</source>
        <translation>
            <numerusform>Learnt from %n decision</numerusform>
            <numerusform>Learnt from %n decisions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the first {top} pairs to review changed places</source>
        <translation>
            <numerusform>%n of the first {top} pairs to review changed places</numerusform>
            <numerusform>%n of the first {top} pairs to review changed places</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairFilterBar</name>
    <message numerus="yes">
        <source>Showing the %n pair(s) you were sent here for. “Clear filters” shows all pairs again.</source>
        <translation>
            <numerusform>Showing the %n pair you were sent here for. “Clear filters” shows all pairs again.</numerusform>
            <numerusform>Showing the %n pairs you were sent here for. “Clear filters” shows all pairs again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs</source>
        <translation>
            <numerusform>%n pair</numerusform>
            <numerusform>%n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs match</source>
        <translation>
            <numerusform>%n pair match</numerusform>
            <numerusform>%n pairs match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n</source>
        <translation>
            <numerusform>of %n</numerusform>
            <numerusform>of %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairsTab</name>
    <message numerus="yes">
        <source>Topic for %n selected pairs:</source>
        <translation>
            <numerusform>Topic for %n selected pair:</numerusform>
            <numerusform>Topic for %n selected pairs:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs restored</source>
        <translation>
            <numerusform>%n pair restored</numerusform>
            <numerusform>%n pairs restored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs deleted; Undo brings them back</source>
        <translation>
            <numerusform>%n pair deleted; Undo brings them back</numerusform>
            <numerusform>%n pairs deleted; Undo brings them back</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Replace in %n pairs</source>
        <translation>
            <numerusform>Replace in %n pair</numerusform>
            <numerusform>Replace in %n pairs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PairsUndo</name>
    <message numerus="yes">
        <source>Mark %n pairs as {status}</source>
        <translation>
            <numerusform>Mark %n pair as {status}</numerusform>
            <numerusform>Mark %n pairs as {status}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n pairs</source>
        <translation>
            <numerusform>Delete %n pair</numerusform>
            <numerusform>Delete %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restore %n pairs</source>
        <translation>
            <numerusform>Restore %n pair</numerusform>
            <numerusform>Restore %n pairs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge %n duplicate groups</source>
        <translation>
            <numerusform>Merge %n duplicate group</numerusform>
            <numerusform>Merge %n duplicate groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplaceDialog</name>
    <message numerus="yes">
        <source>Pairs shown in the table (%n)</source>
        <translation>
            <numerusform>Pairs shown in the table (%n)</numerusform>
            <numerusform>Pairs shown in the table (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Selected pairs (%n)</source>
        <translation>
            <numerusform>Selected pairs (%n)</numerusform>
            <numerusform>Selected pairs (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking through %n pairs…</source>
        <translation>
            <numerusform>Looking through %n pair…</numerusform>
            <numerusform>Looking through %n pairs…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs will change</source>
        <translation>
            <numerusform>%n pair will change</numerusform>
            <numerusform>%n pairs will change</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replacements</source>
        <translation>
            <numerusform>%n replacement</numerusform>
            <numerusform>%n replacements</numerusform>
        </translation>
    </message>
</context>
</TS>
