// Cucumber configuration: features in features/, TypeScript steps loaded through tsx (ts-node is
// unmaintained, starts twice as slowly and breaks on TypeScript 7), reports in reports/.
// `kukumber test` runs this profile; plain `cucumber-js` reads it too.
module.exports = {
  default: {
    paths: ['features/**/*.feature'],
    requireModule: ['tsx/cjs'],
    require: ['steps/**/*.ts'],
    format: ['html:reports/cucumber.html', 'junit:reports/junit.xml', 'message:reports/messages.ndjson'],
    formatOptions: { snippetInterface: 'synchronous' },
    strict: true,
  },
};
