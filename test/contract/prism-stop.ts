export default async function stopPrism() {
  (globalThis as { prism?: { kill(): void } }).prism?.kill();
}
