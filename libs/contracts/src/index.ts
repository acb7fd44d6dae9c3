export * from './topics.js';
export * from './event-map.js';
export * from './envelope-codec.js';
export * from './uuidv7.js';
export * from './gen/edu/events/v1/documents_pb.js';
export * from './gen/edu/events/v1/identity_pb.js';
export * from './gen/edu/events/v1/envelope_pb.js';
export * from './hoc-ba-content.js';
