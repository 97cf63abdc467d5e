const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// One copy of each icon in icons/; nodes and credentials point at it with `file:../../icons/…` / `file:../icons/…`.
function copyIcons() {
	return src(path.resolve('icons', '*.{png,svg}'), { encoding: false }).pipe(dest(path.resolve('dist', 'icons')));
}
