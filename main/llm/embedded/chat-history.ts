/** Our chat messages as node-llama-cpp chat history, ready for the model's chat template. */
import type { ChatHistoryItem } from 'node-llama-cpp';
import type { ChatMessage } from '../types.js';

/** The history to generate from: the messages, then an empty model turn to be completed. */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = messages.map((m): ChatHistoryItem => {
    switch (m.role) {
      case 'system':
        return { type: 'system', text: m.content };
      case 'user':
        return { type: 'user', text: m.content };
      case 'assistant':
        return { type: 'model', response: [m.content] };
    }
  });
  return [...items, { type: 'model', response: [] }];
}
