// Zapier's runtime and `require('.')` load the app from here; `npm run build` makes dist/.
module.exports = require('./dist/index.js').default;
