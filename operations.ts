// Every operation, for the faces that take them all at once (the MCP server, the contract tests).
import creates from './creates';
import dropdowns from './dynamic-fields';
import searches from './searches';
import triggers from './triggers';

export default [...creates, ...searches, ...triggers, ...dropdowns];
