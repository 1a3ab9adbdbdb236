// The cross-engine journeys (journeys.mjs) in Firefox: geckodriver + firefox-esr, headless.
import { suite } from "./journeys.mjs";

suite("firefox");
