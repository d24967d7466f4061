// A small essay that uses every part of Markdown and everything the views can show (dated events, a person with a
// role, an acronym, a quotation, a list, a table with its caption and a cross-reference to it, a footnote, a link, a
// figure, code, math, a callout): its view models name
// every field a template may use, so templates are checked against them before a build (templates.ts, check).
export const SAMPLE_ESSAY = `---
title: Sample
subtitle: Every field
author: Desk
date: 2006-05-25
---

# Opening

In March 1992 the North Atlantic Cooperation Council admitted Azerbaijan. On 4 May 1994 President Heydar Aliyev
signed the Partnership for Peace (PFP) framework document in Brussels.[^1] See [the text](https://www.nato.int/),
*emphasis*, **strong**, ~~struck~~, \`code\` and $y$.

## Visits

Javier Solana, Secretary-General of NATO, visited Baku in February 1997. In July 1997 Heydar Aliyev said: "We met
with great pleasure NATO's invitation calling newly independent post soviet states to join the document of
Partnership for Peace and we hope much for cooperation with NATO."

1. In May 1999 the Parliamentary Assembly granted observer status.
   - [x] A task.
2. In November 2002 the Prague summit took place.

| Year | Members |
|---|---:|
| 2004 | 26 |

: Members by year {#tbl-members}

::: {.callout-note}
@tbl-members counts the members.
:::

![A map](map.png)

\`\`\`
code
\`\`\`

$$
x^2
$$

> A quotation in the text.

[^1]: A note.
`;
