/**
 * The proposed throttle (pacing on answer times, sends in flight counted) has been applied to
 * src/platforms/telegram/throttle.ts; the variants that measured it now use the real one.
 */
export { SendThrottle } from "../../src/platforms/telegram/throttle.js";
