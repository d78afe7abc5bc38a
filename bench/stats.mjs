// Shared by the benchmarks: run two variants alternately, so drift hits both alike, and compare medians.
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export async function compare({ runs, baseline, candidate }) {
  const times = { baseline: [], candidate: [] };
  for (let i = 0; i < runs; i++) {
    times.baseline.push(await baseline.measure());
    times.candidate.push(await candidate.measure());
  }
  const b = median(times.baseline);
  const c = median(times.candidate);
  return { baseline: b, candidate: c, ratio: c / b, times };
}

export function report({ title, baselineName, candidateName, target, result, runs }) {
  const ms = (x) => `${x.toFixed(1)} ms`;
  console.log(title);
  console.log(`  ${baselineName}: median ${ms(result.baseline)} (${runs} fresh processes)`);
  console.log(`  ${candidateName}: median ${ms(result.candidate)} (${runs} fresh processes)`);
  console.log(`  ratio ${result.ratio.toFixed(3)} (target <= ${target}) ${result.ratio <= target ? 'met' : 'MISSED'}`);
}
