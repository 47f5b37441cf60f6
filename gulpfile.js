'use strict';

const fs = require('fs');
const path = require('path');
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

/**
 * Zips teams/manifest.json, the icons and the translations it names into teams/TeamsSPFxApp.zip. package-solution copies the
 * teams folder into the .sppkg, and SharePoint's "Sync to Teams" deploys that zip instead of generating a manifest.
 * jszip is the zip library SPFx's own packager uses.
 */
const teamsAppPackage = build.subTask('teams-app-package', function (gulp, buildOptions, done) {
  const JSZip = require('jszip');
  const teamsDir = path.join(__dirname, 'teams');
  const manifest = JSON.parse(fs.readFileSync(path.join(teamsDir, 'manifest.json'), 'utf8'));
  const zip = new JSZip();
  const fixedDate = new Date(Date.UTC(2025, 0, 1));
  const translations = ((manifest.localizationInfo || {}).additionalLanguages || []).map((language) => language.file);
  for (const name of ['manifest.json', manifest.icons.color, manifest.icons.outline, ...translations]) {
    zip.file(name, fs.readFileSync(path.join(teamsDir, name)), { date: fixedDate });
  }
  zip
    .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
    .then((buffer) => {
      fs.writeFileSync(path.join(teamsDir, 'TeamsSPFxApp.zip'), buffer);
      done();
    }, done);
});

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));
  result.set('package-solution', {
    executable: build.serial(teamsAppPackage, result.get('package-solution').executable)
  });

  return result;
};

build.initialize(require('gulp'));
