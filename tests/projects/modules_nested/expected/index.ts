import { Service } from "./components/service";

// Modules three deep: the root calls service, service calls api, api calls function.
const service = new Service("service", {
  name: "shop",
});

export const url = service.url;
export const functionName = service.functionName;
