import { describe, expect, it } from "vitest";
import { tracker } from "./helpers";

describe("chart axis titles", () => {
  it("are written, read back after a load and shown by charts() once set", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      const chart = sheet.charts.add("Line", sheet.getRange("A1:C3"), "Columns");
      chart.axes.categoryAxis.title.text = "Month";
      chart.axes.valueAxis.title.text = "£k, cumulative";
      await context.sync();
      const value = chart.axes.valueAxis.title;
      expect(() => value.text).not.toThrow(); // set locally, as office.js keeps what was assigned
      const category = sheet.charts.getItem("Chart 1").axes.categoryAxis.title.load("text");
      await context.sync();
      expect(category.text).toBe("Month");
    });
    expect(book.charts("Tracker")[0].axisTitles).toEqual({ category: "Month", value: "£k, cumulative" });
  });

  it("leave charts() as before while no axis has a title", async () => {
    const book = tracker();
    await book.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Tracker");
      sheet.charts.add("Line", sheet.getRange("A1:C3"), "Columns");
      await context.sync();
    });
    expect(book.charts("Tracker")[0]).not.toHaveProperty("axisTitles");
  });

  it("fail with ItemNotFound on a deleted chart", async () => {
    const book = tracker();
    await expect(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Tracker");
        const chart = sheet.charts.add("Line", sheet.getRange("A1:C3"), "Columns");
        chart.delete();
        chart.axes.valueAxis.title.text = "x";
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});
