/** The insight thread's entry (see ThreadRunner in ./insight-runner.ts): summaries and key facts. */
import { computeInsight } from "./insight-jobs.js";
import { serve } from "./insight-serve.js";

serve(computeInsight);
