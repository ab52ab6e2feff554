export { openCityDb, openPglite, openPostgres, type CityDb, type Queryable } from './city-db.ts';
export { cityConfigSchema, loadCityConfig, type CityConfig } from './city-config.ts';
export { createCityServer, type CityServer } from './city-server.ts';
export { hashKey, ingest, prepareCity, verifyCity, type VerifyReport } from './ingest.ts';
