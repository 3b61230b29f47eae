/**
 * A tracker in Excel's shape (`any[][]`, as `Range.values` returns it) of any size, for the
 * benchmark: numbers in £k (integers and one-decimal values, as trackers hold them) mixed with
 * about 2% blank cells and 2% numbers typed as text ("1,234.5", "(12)", "£1,200"). Deterministic.
 */
export const SYNTHETIC_HEADER = [
  "Trust",
  "Org code",
  "Region",
  "Annual plan £k",
  "YTD plan £k",
  "YTD actual £k",
  "Forecast outturn £k",
  "Recurrent £k",
  "Non-recurrent £k",
  "Unidentified £k",
  "Turnover £k",
  "Surplus/(deficit) £k",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
  "Jan",
  "Feb",
  "Mar",
];

const REGIONS = ["North of England", "Midlands and East", "London", "South of England", "North West", "Yorkshire", "South West"];

/** Numbers in [0, 1) from xorshift32: fast, deterministic, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

export function syntheticTracker(rows: number, seed = 1): unknown[][] {
  const random = seededRandom(seed);
  const messy = (value: number): unknown => {
    const u = random();
    if (u < 0.02) return "";
    if (u < 0.027) return value.toLocaleString("en-GB");
    if (u < 0.034) return value < 0 ? `(${-value})` : `£${value.toLocaleString("en-GB")}`;
    if (u < 0.04) return ` ${value} `;
    return value;
  };
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const annual = Math.round(2000 + random() * 30000);
    const months = phasing(annual, random);
    const ytdPlan = months[0] + months[1] + months[2] + months[3] + months[4] + months[5];
    const actual = Math.round(ytdPlan * (0.3 + random() * 0.9) * 10) / 10;
    const forecast = Math.round(annual * (0.7 + random() * 0.35));
    const unidentified = Math.round(annual * random() * 0.3);
    const nonRec = Math.round((annual - unidentified) * random() * 0.7);
    const turnover = Math.round(annual / (0.025 + random() * 0.04));
    const surplus = Math.round((random() - 0.6) * turnover * 0.03 * 10) / 10;
    out[i] = [
      `Trust ${i + 1}`,
      `R${(i % 9000) + 1000}`,
      REGIONS[i % REGIONS.length],
      messy(annual),
      messy(ytdPlan),
      messy(actual),
      messy(forecast),
      messy(annual - unidentified - nonRec),
      messy(nonRec),
      messy(unidentified),
      messy(turnover),
      messy(surplus),
      messy(months[0]),
      messy(months[1]),
      messy(months[2]),
      messy(months[3]),
      messy(months[4]),
      messy(months[5]),
      messy(months[6]),
      messy(months[7]),
      messy(months[8]),
      messy(months[9]),
      messy(months[10]),
      messy(months[11]),
    ];
  }
  return out;
}

/** Back-loaded monthly phasing in whole £k that sums exactly to the annual plan. */
function phasing(annual: number, random: () => number): number[] {
  const weights = Array.from({ length: 12 }, (_, m) => 1 + m * (0.05 + random() * 0.1));
  const total = weights.reduce((a, b) => a + b, 0);
  const months = weights.map((w) => Math.floor((annual * w) / total));
  months[11] += annual - months.reduce((a, b) => a + b, 0);
  return months;
}
