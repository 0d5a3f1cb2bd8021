import { firstJsonDocument } from './n8n';

describe('firstJsonDocument (reading `n8n execute --rawOutput`)', () => {
	const run = { data: { resultData: { error: { message: 'Invalid "To" {not json} [item 0]' }, runData: {} } } };

	it('reads the JSON between log lines and the error text n8n prints after a failed run', () => {
		const stdout = `Loading workflow {id: x}\n${JSON.stringify(run, null, 2)}\nExecution error:\n{ message: 'Invalid' }\nError: Workflow failed\n`;
		expect(firstJsonDocument(stdout)).toEqual(run);
	});

	it('skips braces that open no JSON, and says when there is none', () => {
		expect(firstJsonDocument(`{not json} then ${JSON.stringify(run)}`)).toEqual(run);
		expect(firstJsonDocument('Error: no workflow')).toBeUndefined();
	});
});
