/**
 * The rule support module: helpers that several rules share. Rules import from here (and from
 * `engine/facts` for facts about the doc), never from another rule's file.
 */
export * from './fixes';
export * from './headline';
export * from './messages';
export * from './metrics';
export * from './missing';
export * from '../../engine/experiment';
export * from './scope';
