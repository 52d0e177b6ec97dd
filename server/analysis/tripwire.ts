export type TripwireState = 'normal' | 'firing' | 'recovered' | 'no data';

export interface TripwireCrossing {
  kind: 'tripwire' | 'recovery';
  at: string;
  reading: number;
}

/**
 * Tripwire with hysteresis (README, Method: Warnings): fires when a reading reaches `fire`, and recovers only
 * once a later reading falls to `recover` or below, so a reading wavering around the fire level
 * does not flap. Readings are the observed periods' readings, in time order.
 */
export function tripwire(
  readings: readonly { at: string; reading: number }[],
  { fire, recover }: { fire: number; recover: number }
): { state: TripwireState; crossings: TripwireCrossing[] } {
  let state: TripwireState = readings.length ? 'normal' : 'no data';
  const crossings: TripwireCrossing[] = [];
  for (const { at, reading } of readings) {
    if (state !== 'firing' && reading >= fire) {
      state = 'firing';
      crossings.push({ kind: 'tripwire', at, reading });
    } else if (state === 'firing' && reading <= recover) {
      state = 'recovered';
      crossings.push({ kind: 'recovery', at, reading });
    }
  }
  return { state, crossings };
}
