/** What the double holds of a worksheet's page set-up (objects/pageLayout.ts reads and writes it). */

export const HEADER_FOOTER_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;
export type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

export const MARGINS = ["leftMargin", "rightMargin", "topMargin", "bottomMargin", "headerMargin", "footerMargin"] as const;
export type Margin = (typeof MARGINS)[number];

/** What Excel holds for a sheet's page set-up. Margins in points, as the API gives them. */
export interface PageLayoutModel {
  orientation: "Portrait" | "Landscape";
  zoom: { horizontalFitToPages: number | null; verticalFitToPages: number | null; scale: number | null };
  centerHorizontally: boolean;
  centerVertically: boolean;
  margins: Record<Margin, number>;
  /** "A1:F40" on the sheet, or null. */
  printArea: string | null;
  /** "$1:$3", or null. */
  printTitleRows: string | null;
  headersFooters: Record<HeaderFooterPart, string>;
}

export function defaultPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    zoom: { horizontalFitToPages: null, verticalFitToPages: null, scale: 100 },
    centerHorizontally: false,
    centerVertically: false,
    // Excel's "Normal" margins: 0.7" sides, 0.75" top and bottom, 0.3" header and footer.
    margins: { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
    printArea: null,
    printTitleRows: null,
    headersFooters: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
  };
}
