// The cross-engine journeys (journeys.mjs) in WebKit: WebKitWebDriver + MiniBrowser (WebKitGTK).
import { suite } from "./journeys.mjs";

suite("webkit");
