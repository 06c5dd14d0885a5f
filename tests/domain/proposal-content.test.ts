// Content as it is stored (a draft's rows, a returned proposal's revision) and read back: what the form sent comes
// back the same, less its blank rows and the custom name and unit typed next to a catalogue indicator.
import { describe, expect, test } from "vitest";
import { contentToStored, type ProposalContent, storedToContent } from "~/features/proposals/content";
import { realisticProposalContent } from "../factories";

const content = realisticProposalContent({
  categoryIds: [11, 12],
  targetGroupIds: [21, 22, 23],
  implementationStartsOn: "2027-01-01",
  implementationEndsOn: "2027-10-31",
});

describe("contentToStored and storedToContent", () => {
  test("content with no blank rows comes back as it was, through JSON too", () => {
    expect(storedToContent(contentToStored(content))).toEqual(content);
    expect(storedToContent(JSON.parse(JSON.stringify(contentToStored(content))))).toEqual(content);
  });

  test("blank rows are dropped, and read back the rows keep their order", () => {
    const [firstLine, secondLine] = content.budgetLines;
    const withBlanks: ProposalContent = {
      ...content,
      teamMembers: [null, ...content.teamMembers, null],
      budgetLines: [firstLine ?? null, null, secondLine ?? null],
      milestones: [...content.milestones, null],
      indicatorTargets: [null, ...content.indicatorTargets],
    };
    const back = storedToContent(contentToStored(withBlanks));
    expect(back.teamMembers).toEqual(content.teamMembers);
    expect(back.budgetLines).toEqual([firstLine, secondLine]);
    expect(back.milestones).toEqual(content.milestones);
    expect(back.indicatorTargets).toEqual(content.indicatorTargets);
  });

  test.each([
    [
      "a catalogue indicator drops a name and unit typed next to it",
      { indicator: "service_visits", customName: "入户探访", customUnit: "次" },
      { indicatorCode: "service_visits", customName: null, customUnit: null },
      { indicator: "service_visits", customName: "", customUnit: "" },
    ],
    [
      "a custom indicator keeps its name and unit",
      { indicator: "custom", customName: "助餐送餐", customUnit: "份" },
      { indicatorCode: null, customName: "助餐送餐", customUnit: "份" },
      { indicator: "custom", customName: "助餐送餐", customUnit: "份" },
    ],
    [
      "a custom indicator with no name yet stays custom",
      { indicator: "custom", customName: "", customUnit: "" },
      { indicatorCode: null, customName: "", customUnit: "" },
      { indicator: "custom", customName: "", customUnit: "" },
    ],
  ] as const)("%s", (_case, choice, stored, readBack) => {
    const target = { ...choice, targetValue: 120, split: [{ targetGroupId: 21, value: 120 }] };
    const rows = contentToStored({ ...content, indicatorTargets: [target] });
    expect(rows.indicatorTargets).toEqual([
      { ...stored, targetValue: 120, targetGroupSplit: JSON.stringify([{ targetGroupId: 21, value: 120 }]) },
    ]);
    expect(storedToContent(rows).indicatorTargets).toEqual([{ ...target, ...readBack }]);
  });
});
