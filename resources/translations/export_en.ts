<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CompareDialog</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreflightDialog</name>
    <message numerus="yes">
        <source>✖ The provider would reject these files: %n errors.</source>
        <translation>
            <numerusform>✖ The provider would reject these files: %n error.</numerusform>
            <numerusform>✖ The provider would reject these files: %n errors.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsTab</name>
    <message numerus="yes">
        <source>Tokens are measured on a random sample of %n pairs.</source>
        <translation>
            <numerusform>Tokens are measured on a random sample of %n pair.</numerusform>
            <numerusform>Tokens are measured on a random sample of %n pairs.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs have no score.</source>
        <translation>
            <numerusform>%n pair has no score.</numerusform>
            <numerusform>%n pairs have no score.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatisticsTexts</name>
    <message numerus="yes">
        <source>{who}: ≈ {cost} {currency} for %n epoch(s).</source>
        <translation>
            <numerusform>{who}: ≈ {cost} {currency} for %n epoch.</numerusform>
            <numerusform>{who}: ≈ {cost} {currency} for %n epochs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message numerus="yes">
        <source>%n lines are not valid JSON.</source>
        <translation>
            <numerusform>%n line is not valid JSON.</numerusform>
            <numerusform>%n lines are not valid JSON.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are not JSON objects.</source>
        <translation>
            <numerusform>%n example is not a JSON object.</numerusform>
            <numerusform>%n examples are not JSON objects.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have keys the provider does not know.</source>
        <translation>
            <numerusform>%n example has keys the provider does not know.</numerusform>
            <numerusform>%n examples have keys the provider does not know.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “messages” list, or it is empty.</source>
        <translation>
            <numerusform>%n example has no “messages” list, or it is empty.</numerusform>
            <numerusform>%n examples have no “messages” list, or it is empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message that is not a JSON object.</source>
        <translation>
            <numerusform>%n example has a message that is not a JSON object.</numerusform>
            <numerusform>%n examples have a message that is not a JSON object.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message without a role or content.</source>
        <translation>
            <numerusform>%n example has a message without a role or content.</numerusform>
            <numerusform>%n examples have a message without a role or content.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message with an unknown key.</source>
        <translation>
            <numerusform>%n example has a message with an unknown key.</numerusform>
            <numerusform>%n examples have a message with an unknown key.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message with an unknown role.</source>
        <translation>
            <numerusform>%n example has a message with an unknown role.</numerusform>
            <numerusform>%n examples have a message with an unknown role.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a message with empty or non-text content.</source>
        <translation>
            <numerusform>%n example has a message with empty or non-text content.</numerusform>
            <numerusform>%n examples have a message with empty or non-text content.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a “weight” that is not 0 or 1 on an assistant message.</source>
        <translation>
            <numerusform>%n example has a “weight” that is not 0 or 1 on an assistant message.</numerusform>
            <numerusform>%n examples have a “weight” that is not 0 or 1 on an assistant message.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no answer of the persona (assistant message).</source>
        <translation>
            <numerusform>%n example has no answer of the persona (assistant message).</numerusform>
            <numerusform>%n examples have no answer of the persona (assistant message).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have every answer switched off (weight 0), so they teach nothing.</source>
        <translation>
            <numerusform>%n example has every answer switched off (weight 0), so it teaches nothing.</numerusform>
            <numerusform>%n examples have every answer switched off (weight 0), so they teach nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a malformed system instruction.</source>
        <translation>
            <numerusform>%n example has a malformed system instruction.</numerusform>
            <numerusform>%n examples have a malformed system instruction.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “contents” list, or it is empty.</source>
        <translation>
            <numerusform>%n example has no “contents” list, or it is empty.</numerusform>
            <numerusform>%n examples have no “contents” list, or it is empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a turn without a role or parts.</source>
        <translation>
            <numerusform>%n example has a turn without a role or parts.</numerusform>
            <numerusform>%n examples have a turn without a role or parts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have an empty text part.</source>
        <translation>
            <numerusform>%n example has an empty text part.</numerusform>
            <numerusform>%n examples have an empty text part.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples do not start with a member&apos;s message (role “user”).</source>
        <translation>
            <numerusform>%n example does not start with a member&apos;s message (role “user”).</numerusform>
            <numerusform>%n examples do not start with a member&apos;s message (role “user”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have two turns in a row from the same side.</source>
        <translation>
            <numerusform>%n example has two turns in a row from the same side.</numerusform>
            <numerusform>%n examples have two turns in a row from the same side.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no answer of the persona (role “model”).</source>
        <translation>
            <numerusform>%n example has no answer of the persona (role “model”).</numerusform>
            <numerusform>%n examples have no answer of the persona (role “model”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples do not end with the persona&apos;s answer.</source>
        <translation>
            <numerusform>%n example does not end with the persona&apos;s answer.</numerusform>
            <numerusform>%n examples do not end with the persona&apos;s answer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are longer than the model&apos;s limit per example.</source>
        <translation>
            <numerusform>%n example is longer than the model&apos;s limit per example.</numerusform>
            <numerusform>%n examples are longer than the model&apos;s limit per example.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are longer than the model&apos;s limit and will be cut from the end.</source>
        <translation>
            <numerusform>%n example is longer than the model&apos;s limit and will be cut from the end.</numerusform>
            <numerusform>%n examples are longer than the model&apos;s limit and will be cut from the end.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no system prompt.</source>
        <translation>
            <numerusform>%n example has no system prompt.</numerusform>
            <numerusform>%n examples have no system prompt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no member&apos;s message with text, so they teach an answer to nothing.</source>
        <translation>
            <numerusform>%n example has no member&apos;s message with text, so it teaches an answer to nothing.</numerusform>
            <numerusform>%n examples have no member&apos;s message with text, so they teach an answer to nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples do not end with the persona&apos;s answer (role “assistant”).</source>
        <translation>
            <numerusform>%n example does not end with the persona&apos;s answer (role “assistant”).</numerusform>
            <numerusform>%n examples do not end with the persona&apos;s answer (role “assistant”).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “request” list, or it is empty.</source>
        <translation>
            <numerusform>%n example has no “request” list, or it is empty.</numerusform>
            <numerusform>%n examples have no “request” list, or it is empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no “response” with the persona&apos;s answer, or it is empty.</source>
        <translation>
            <numerusform>%n example has no “response” with the persona&apos;s answer, or it is empty.</numerusform>
            <numerusform>%n examples have no “response” with the persona&apos;s answer, or it is empty.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a request turn that is not an object with “role” and “text”.</source>
        <translation>
            <numerusform>%n example has a request turn that is not an object with “role” and “text”.</numerusform>
            <numerusform>%n examples have a request turn that is not an object with “role” and “text”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a turn with empty text.</source>
        <translation>
            <numerusform>%n example has a turn with empty text.</numerusform>
            <numerusform>%n examples have a turn with empty text.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have request turns out of order: after the system prompt, the member and the persona must take turns, starting and ending with the member.</source>
        <translation>
            <numerusform>%n example has request turns out of order: after the system prompt, the member and the persona must take turns, starting and ending with the member.</numerusform>
            <numerusform>%n examples have request turns out of order: after the system prompt, the member and the persona must take turns, starting and ending with the member.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have no system prompt, which Yandex needs in every example and later in chat.</source>
        <translation>
            <numerusform>%n example has no system prompt, which Yandex needs in every example and later in chat.</numerusform>
            <numerusform>%n examples have no system prompt, which Yandex needs in every example and later in chat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a system prompt different from the others.</source>
        <translation>
            <numerusform>%n example has a system prompt different from the others.</numerusform>
            <numerusform>%n examples have a system prompt different from the others.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a request (system prompt, context and question) over 8,000 tokens, Yandex&apos;s limit.</source>
        <translation>
            <numerusform>%n example has a request (system prompt, context and question) over 8,000 tokens, Yandex&apos;s limit.</numerusform>
            <numerusform>%n examples have a request (system prompt, context and question) over 8,000 tokens, Yandex&apos;s limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have an answer over 2,000 tokens, Yandex&apos;s limit.</source>
        <translation>
            <numerusform>%n example has an answer over 2,000 tokens, Yandex&apos;s limit.</numerusform>
            <numerusform>%n examples have an answer over 2,000 tokens, Yandex&apos;s limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples have a request and an answer over 8,000 tokens together, Yandex&apos;s limit.</source>
        <translation>
            <numerusform>%n example has a request and an answer over 8,000 tokens together, Yandex&apos;s limit.</numerusform>
            <numerusform>%n examples have a request and an answer over 8,000 tokens together, Yandex&apos;s limit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are close to Yandex&apos;s token limits; as the counts are estimates, Yandex may find them too long.</source>
        <translation>
            <numerusform>%n example is close to Yandex&apos;s token limits; as the counts are estimates, Yandex may find it too long.</numerusform>
            <numerusform>%n examples are close to Yandex&apos;s token limits; as the counts are estimates, Yandex may find them too long.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n examples: the provider needs more to start a fine-tune.</source>
        <translation>
            <numerusform>Only %n example: the provider needs more to start a fine-tune.</numerusform>
            <numerusform>Only %n examples: the provider needs more to start a fine-tune.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Only %n examples: results are usually better with more.</source>
        <translation>
            <numerusform>Only %n example: results are usually better with more.</numerusform>
            <numerusform>Only %n examples: results are usually better with more.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples are more than the provider accepts in one file.</source>
        <translation>
            <numerusform>%n example is more than the provider accepts in one file.</numerusform>
            <numerusform>%n examples are more than the provider accepts in one file.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The validation set has only %n examples, so its loss will say little.</source>
        <translation>
            <numerusform>The validation set has only %n example, so its loss will say little.</numerusform>
            <numerusform>The validation set has only %n examples, so its loss will say little.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The validation set has %n examples, more than the provider accepts.</source>
        <translation>
            <numerusform>The validation set has %n example, more than the provider accepts.</numerusform>
            <numerusform>The validation set has %n examples, more than the provider accepts.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n examples of the validation file have errors.</source>
        <translation>
            <numerusform>%n example of the validation file has errors.</numerusform>
            <numerusform>%n examples of the validation file have errors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n pairs still contain personal data (names, phone numbers, e-mails…).</source>
        <translation>
            <numerusform>%n pair still contains personal data (names, phone numbers, e-mails…).</numerusform>
            <numerusform>%n pairs still contain personal data (names, phone numbers, e-mails…).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Validation file: {path}, %n examples</source>
        <translation>
            <numerusform>Validation file: {path}, %n example</numerusform>
            <numerusform>Validation file: {path}, %n examples</numerusform>
        </translation>
    </message>
</context>
</TS>
