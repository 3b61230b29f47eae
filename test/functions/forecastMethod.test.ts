// The method words CIP.FORECAST accepts: the documented ones, in any case, with spaces around.
import { describe, expect, it } from "vitest";
import { isProblem } from "../../src/core/problem";
import { readForecastMethod } from "../../src/functions/forecastMethod";

describe("readForecastMethod", () => {
  it("takes the documented words in any case, spaces around, and the long forms", () => {
    for (const w of ["ratio", "RATIO", " Ratio ", "delivery ratio", "Delivery  Ratio"])
      expect(readForecastMethod(w), w).toBe("deliveryRatio");
    for (const w of ["plan", "PLAN", "\tplan ", "remaining plan"]) expect(readForecastMethod(w), w).toBe("remainingPlan");
    for (const w of ["runrate", "RunRate", " run rate "]) expect(readForecastMethod(w), w).toBe("runRate");
  });

  it("omitted or empty means the delivery ratio", () => {
    for (const w of [null, undefined, "", "   "]) expect(readForecastMethod(w), String(w)).toBe("deliveryRatio");
  });

  it("refuses a word that only contains a documented one, naming the words it takes", () => {
    for (const w of ["plan2", "ratio!", "r-a-t-i-o", "run_rate", "plans", "myplan", "1plan", "run-rate"]) {
      const got = readForecastMethod(w);
      expect(isProblem(got), w).toBe(true);
      if (isProblem(got)) {
        expect(got.error).toBe("#VALUE!");
        expect(got.message).toContain(JSON.stringify(w));
        expect(got.message).toMatch(/"ratio".*"plan".*"runrate"/);
      }
    }
  });
});

describe("readForecastMethod, whatever shape Excel hands the cell in", () => {
  it("reads a rich text value, takes 0 (an empty cell on Windows) as the default and passes an error on", () => {
    expect(readForecastMethod({ type: "String", basicValue: " Plan " })).toBe("remainingPlan");
    expect(readForecastMethod(0)).toBe("deliveryRatio");
    expect(readForecastMethod({ type: "Empty", basicValue: "" })).toBe("deliveryRatio");
    expect(readForecastMethod({ type: "Error", basicValue: "#N/A", errorType: "NotAvailable" })).toMatchObject({ error: "#N/A" });
    expect(readForecastMethod(3)).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("got 3") });
  });
});
