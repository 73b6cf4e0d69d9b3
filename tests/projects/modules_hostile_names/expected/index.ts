import { ApiGw } from "./components/apiGw";
import { ApiGw2 } from "./components/apiGw2";
import { Class } from "./components/class";
import { IndexModule } from "./components/indexModule";
import { WeirdDir } from "./components/weirdDir";

// Directory and instance names that would clash or escape: api-gw and api_gw (one PascalCase
// name), a reserved word, a name the project uses itself, a space; outputs named like members
// of ComponentResource.
const apiGwApiGw = new ApiGw("api-gw", {});

const apiGwApiGw2 = new ApiGw2("api_gw", {});
const class_ = new Class("class", {});
const index = new IndexModule("index", {});
const weird = new WeirdDir("weird", {});

export const names = [
  apiGwApiGw.urn_,
  apiGwApiGw2.urn_,
  class_.default,
  index.constructor_,
  weird.name,
];
