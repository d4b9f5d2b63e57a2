/** The harness's virtual clock. `Date` inside the app follows it (see index.ts). */
export class VirtualClock {
  constructor(
    private ms: number,
    private readonly onChange: (ms: number) => void = () => {},
  ) {
    onChange(ms);
  }

  now(): number {
    return this.ms;
  }

  set(to: Date | number): void {
    this.ms = typeof to === 'number' ? to : to.getTime();
    this.onChange(this.ms);
  }

  advance(ms: number): void {
    this.set(this.ms + ms);
  }
}
