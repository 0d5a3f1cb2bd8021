// The release workflow cannot run here (it publishes from GitHub Actions); what verification needs of it can be read.
import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '../..');
const workflow = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');
const steps = workflow
	.split(/^\s+- (?:name|uses): /m)
	.slice(1)
	.map((step) => step.split('\n')[0]);

describe('the release workflow', () => {
	it('runs on version tags with the OIDC token npm provenance needs', () => {
		expect(workflow).toMatch(/^on:\n {2}push:\n {4}tags: \['v\*'\]$/m);
		expect(workflow).toMatch(/^permissions:\n {2}contents: read\n {2}id-token: write\b/m);
	});

	it('checks the tag, builds and tests as CI does, then publishes with provenance', () => {
		expect(steps).toEqual([
			'actions/checkout@v4',
			'actions/setup-node@v4',
			"The tag is the package's version",
			'actions/cache@v4',
			'Build and test',
			'Publish with provenance',
		]);
		expect(workflow).toContain('run: bash .ci/run');
		expect(workflow).toContain('run: npm publish --provenance --access public');
	});

	it('keeps the n8n install between runs, where the install script looks for it', () => {
		const script = readFileSync(join(root, 'test/e2e/install-n8n.sh'), 'utf8');
		expect(script).toContain('${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-message-gateways');
		for (const file of ['release.yml', 'ci.yml']) {
			expect(readFileSync(join(root, '.github/workflows', file), 'utf8')).toMatch(
				/uses: actions\/cache@v4\n\s+with:\n\s+path: ~\/\.cache\/n8n-nodes-message-gateways\n/,
			);
		}
	});

	it("installs what the queue-mode test needs through sudo where it is not root, as on GitHub's runners", () => {
		const script = readFileSync(join(root, 'test/e2e/install-services.sh'), 'utf8');
		expect(script).toMatch(/\[\[ "\$\(id -u\)" == 0 \]\] \|\| sudo="sudo"/);
		expect(script.match(/\$sudo apt-get (install|update)/g)).toHaveLength(3);
	});

	it("keeps the lockfile indented as npm writes it from package.json's indentation: `npm version` needs a clean tree after `npm install`", () => {
		const indentOf = (file: string) => readFileSync(join(root, file), 'utf8').split('\n')[1].match(/^\s+/)?.[0];
		expect(indentOf('package-lock.json')).toBe(indentOf('package.json'));
	});

	it('cannot be published without provenance from elsewhere', () => {
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { publishConfig?: object };
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
	});
});
