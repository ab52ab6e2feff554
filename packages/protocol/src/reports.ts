/** Report shapes (daily and date range) are defined here. */
export {};
