// The numbering plan phone.ts checks numbers against: libphonenumber-js with its "max" metadata, the
// smallest set that still refuses numbers not in use (README, Phone numbers). libphonenumber-js is a
// devDependency: the build bundles this file with it (gulpfile.js), as n8n's verification allows no
// runtime dependencies.
export {
	getCountries,
	isSupportedCountry,
	parsePhoneNumberFromString,
	validatePhoneNumberLength,
	type CountryCode,
} from 'libphonenumber-js/max';
// The same metadata the functions above use: national-readings.ts reads each country's plan from it.
export { Metadata } from 'libphonenumber-js/core';
export { default as metadata } from 'libphonenumber-js/metadata.max.json';
