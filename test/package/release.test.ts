// The release workflow cannot run here (it publishes from GitHub Actions); what verification needs of it can be read.
import { readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '../..');
const workflow = readFileSync(join(root, '.github/workflows/release.yml'), 'utf8');
const steps = workflow.split(/^\s+- (?:name|uses): /m).slice(1).map((step) => step.split('\n')[0]);

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
			'Build and test',
			'Publish with provenance',
		]);
		expect(workflow).toContain('run: bash .ci/run');
		expect(workflow).toContain('run: npm publish --provenance --access public');
	});

	it('cannot be published without provenance from elsewhere', () => {
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { publishConfig?: object };
		expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
	});
});
