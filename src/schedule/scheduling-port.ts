// The port lives in src/framework (the framework must not depend on the scheduler); this keeps
// the older import path working for the commands that still use it.
export * from "../framework/scheduling-port.js";
