// The figures at the end of cip-domain.md ("Figures from the seeds an analyst should be able to
// reproduce"), each reproduced through the core functions. Expected values are worked by hand.
import { describe, expect, it } from "vitest";
import { analyseRow, emptyRowInput } from "../../src/core/analyseRow";
import { progressPct, ytdDeliveryPct, ytdShortfall, ytdShortfallPct, ytdVariance } from "../../src/core/delivery";
import { FLAGS, flagNames, rowFlags } from "../../src/core/flags";
import { forecastDeliveryRatio, forecastShortfall, forecastShortfallPct } from "../../src/core/forecast";
import { formatMoney, formatPercent } from "../../src/core/format";
import { ragHigherIsBetter, ragLowerIsBetter } from "../../src/core/rag";
import { DEFAULT_SETTINGS as S } from "../../src/core/settings";
import { unidentifiedShare } from "../../src/core/shares";

const n = (x: unknown) => x as number;

describe("the trust sector missed its £544m savings target by £79m: 14.5%, '15 per cent'", () => {
  // Delivered 544 − 79 = 465 (£m).
  it("variance −£79m, shortfall £79m", () => {
    expect(ytdVariance(544, 465)).toBe(-79);
    expect(ytdShortfall(544, 465)).toBe(79);
    expect(formatMoney(n(ytdShortfall(544e6, 465e6)))).toBe("£79m");
    expect(formatMoney(544e6)).toBe("£544m");
  });

  it("shortfall 14.5%, shown as 15%", () => {
    const pct = n(ytdShortfallPct(544, 465));
    expect(pct).toBeCloseTo(0.14522, 5);
    expect(Math.round(pct * 1000) / 10).toBe(14.5);
    expect(formatPercent(pct)).toBe("15%");
  });

  it("delivery 85.5% is amber", () => {
    expect(ytdDeliveryPct(544, 465)).toBeCloseTo(0.85478, 5);
    expect(ragHigherIsBetter(ytdDeliveryPct(544, 465), S.deliveryRag)).toBe("Amber");
  });
});

describe("NHS Sussex: £72.82m forecast against a £111.78m plan", () => {
  it("forecast shortfall £38.96m", () => {
    expect(forecastShortfall(111.78, 72.82)).toBeCloseTo(38.96, 9);
    expect(formatMoney(n(forecastShortfall(111.78e6, 72.82e6)))).toBe("£38.96m");
    expect(formatMoney(72.82e6)).toBe("£72.82m");
  });

  it("34.9%, '35%', red", () => {
    const pct = n(forecastShortfallPct(111.78, 72.82));
    expect(pct).toBeCloseTo(0.34854, 5);
    expect(Math.round(pct * 1000) / 10).toBe(34.9);
    expect(formatPercent(pct)).toBe("35%");
    expect(ragLowerIsBetter(pct, S.forecastShortfallRag)).toBe("Red");
  });

  it("through analyseRow with the reported forecast", () => {
    const r = analyseRow({ ...emptyRowInput(), annualPlan: 111.78, forecast: 72.82 }, S, true);
    expect(r.forecastShortfall).toBeCloseTo(38.96, 9);
    expect(r.forecastShortfallPct).toBeCloseTo(0.34854, 5);
    expect(r.forecastRag).toBe("Red");
  });
});

describe("NHS Norfolk: £17m of a £38.3m plan unidentified", () => {
  it("44.4%, red, HIGH_UNIDENTIFIED", () => {
    const share = n(unidentifiedShare(38.3, 17));
    expect(share).toBeCloseTo(0.44386, 5);
    expect(Math.round(share * 1000) / 10).toBe(44.4);
    expect(formatPercent(share)).toBe("44%");
    expect(ragLowerIsBetter(share, S.unidentifiedRag)).toBe("Red");
    expect(formatMoney(17e6)).toBe("£17m");
    expect(formatMoney(38.3e6)).toBe("£38.3m");
    expect(
      flagNames(
        rowFlags(
          {
            annualPlan: 38.3,
            ytdPlan: null,
            ytdActual: null,
            surplusDeficit: null,
            nonRecurrentShare: null,
            unidentifiedShare: share,
            h2Share: null,
          },
          S,
        ),
      ),
    ).toEqual(["HIGH_UNIDENTIFIED"]);
  });
});

describe("£2.5bn saved = 42% of the year's target", () => {
  // Target = 2.5 / 0.42 = 5.952380952... (£bn).
  const target = 5.952380952380952e9;

  it("the target of about £5.95bn is what makes £2.5bn 42%", () => {
    expect(progressPct(target, 2.5e9)).toBeCloseTo(0.42, 12);
    expect(formatPercent(n(progressPct(target, 2.5e9)))).toBe("42%");
    expect(formatMoney(target)).toBe("£5.95bn");
  });

  it("£3.45bn still to deliver", () => {
    expect(forecastShortfall(target, 2.5e9)).toBeCloseTo(3.452380952e9, 0);
    expect(formatMoney(n(forecastShortfall(target, 2.5e9)))).toBe("£3.45bn");
  });
});

// "Delivering 47 per cent of its £1.6bn full-year saving target in the first six months": delivery
// to date measured against the full-year plan, i.e. progress against annual plan (the roll-up's
// progressPct per group), not YTD delivery against the plan to date.
describe("North delivered 47% of £1.6bn (£752m); South 38% of £1.4bn (£532m)", () => {
  it("North", () => {
    expect(progressPct(1.6e9, 752e6)).toBeCloseTo(0.47, 12);
    expect(formatPercent(n(progressPct(1.6e9, 752e6)))).toBe("47%");
    expect(formatMoney(752e6)).toBe("£752m");
    expect(formatMoney(1.6e9)).toBe("£1.6bn");
  });

  it("South", () => {
    expect(progressPct(1.4e9, 532e6)).toBeCloseTo(0.38, 12);
    expect(formatPercent(n(progressPct(1.4e9, 532e6)))).toBe("38%");
    expect(formatMoney(532e6)).toBe("£532m");
    expect(formatMoney(1.4e9)).toBe("£1.4bn");
  });
});

describe("a £20bn programme that keeps missing at 24% ends about £4.8bn short", () => {
  it.each([
    // [YTD plan, YTD actual = 76% of it, forecast] in £bn
    [10e9, 7.6e9],
    [5e9, 3.8e9],
    [16e9, 12.16e9],
  ])("YTD plan %s, actual %s → forecast £15.2bn, shortfall £4.8bn (24%)", (ytdPlan, ytdActual) => {
    const forecast = n(forecastDeliveryRatio(20e9, ytdPlan, ytdActual));
    expect(forecast).toBeCloseTo(15.2e9, 0);
    expect(forecastShortfall(20e9, forecast)).toBeCloseTo(4.8e9, 0);
    expect(forecastShortfallPct(20e9, forecast)).toBeCloseTo(0.24, 12);
    expect(formatMoney(n(forecastShortfall(20e9, forecast)))).toBe("£4.8bn");
    expect(formatMoney(20e9)).toBe("£20bn");
  });

  it("the delivery ratio is the default forecast in analyseRow", () => {
    const r = analyseRow({ ...emptyRowInput(), annualPlan: 20e9, ytdPlan: 10e9, ytdActual: 7.6e9 }, S, false);
    expect(r.forecastUsed).toBeCloseTo(15.2e9, 0);
    expect(r.forecastShortfall).toBeCloseTo(4.8e9, 0);
  });
});

describe("the distress test: under a fifth of the year's plan, more than 50% behind to date, in deficit", () => {
  it("a trust with £2m of a £12m plan, £5m due to date, in deficit, is in distress", () => {
    const flags = rowFlags(
      {
        annualPlan: 12,
        ytdPlan: 5,
        ytdActual: 2,
        surplusDeficit: -3.1,
        nonRecurrentShare: null,
        unidentifiedShare: null,
        h2Share: null,
      },
      S,
    );
    expect(flags & FLAGS.DISTRESS).toBe(FLAGS.DISTRESS);
  });

  it("68 per cent of 72 trusts behind: 49 of 72", () => {
    let behind = 0;
    for (let i = 0; i < 72; i++) {
      const actual = i < 49 ? 90 : 100;
      if (
        rowFlags(
          {
            annualPlan: 200,
            ytdPlan: 100,
            ytdActual: actual,
            surplusDeficit: null,
            nonRecurrentShare: null,
            unidentifiedShare: null,
            h2Share: null,
          },
          S,
        ) & FLAGS.BEHIND_PLAN
      )
        behind++;
    }
    expect(behind).toBe(49);
    expect(formatPercent(behind / 72)).toBe("68%");
  });
});
