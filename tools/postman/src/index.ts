// @volc-openapi/postman: Postman collections that sign, generated from the spec model.
export {
  MULTIPART_BOUNDARY,
  type PostmanCollection,
  type PostmanRequestItem,
  postmanCollection,
  postmanEnvironment,
} from './collection.ts';
export { type CryptoJsLike, type PostmanScope, signRequest, signScript } from './sign-script.ts';
