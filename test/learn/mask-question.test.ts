import { describe, expect, it } from 'vitest';
import { maskQuestion, unknownRoleName } from '../../src/learn/mask-question.js';

describe('maskQuestion', () => {
  it.each([
    ['an e-mail address', 'Mail jane.doe+jobs@corp.example.com about pay', 'mail <email> about pay'],
    ['two e-mail styles', 'a@b.io or Bob.Smith@Example.CO.UK', '<email> or <email>'],
    ['a Slack mention mid-text', 'ask <@U123ABC> about it', 'ask <mention> about it'],
    ['a Discord nickname mention and a channel', 'hey <@!81234> see <#C42|jobs>', 'hey <mention> see <mention>'],
    ['a plain @handle', 'what would @bob.smith earn', 'what would <mention> earn'],
    ['the bot mention at the start goes entirely', '<@UBOT> what is an llm sme', 'what is an llm sme'],
    ['an international phone number', 'call me on +44 20 7946 0958 please', 'call me on <phone> please'],
    ['a US phone number with brackets', 'text (415) 555-0132', 'text <phone>'],
    ['a dotted phone number', '415.555.0132 is mine', '<phone> is mine'],
    ['a long digit run', 'employee 12345 asks', 'employee <number> asks'],
    ['years and small numbers stay', 'salary in 2024 for 3 years', 'salary in 2024 for 3 years'],
    [
      'case and punctuation as the matcher reads them',
      'What DOES a  Prompt-Engineer do?!',
      'what does a prompt engineer do',
    ],
  ])('%s', (_name, input, expected) => {
    expect(maskQuestion(input)).toBe(expected);
  });
});

describe('unknownRoleName', () => {
  it.each([
    ['what does a blockchain developer do', 'blockchain developer'],
    ['how much does a senior prompt engineer earn', 'prompt engineer'],
    ['tell me about quantum computing researchers', 'quantum computing researcher'],
    ['what is the weather', null],
  ])('%s', (text, name) => {
    expect(unknownRoleName(text)).toBe(name);
  });
});
