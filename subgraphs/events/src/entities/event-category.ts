import { EntitySchema } from 'typeorm';
import type { CategoryClass } from '../domain/categories.js';

/** A row of the category catalogue: its class and its time limits per priority, in minutes. */
export interface EventCategoryEntity {
  name: string;
  categoryClass: CategoryClass;
  active: boolean;
  sortOrder: number;
  normalRegisterMinutes: number;
  normalAcceptMinutes: number;
  normalFinishMinutes: number;
  urgentRegisterMinutes: number;
  urgentAcceptMinutes: number;
  urgentFinishMinutes: number;
}

const minutes = (name: string) => ({ name, type: 'int' as const });

export const EventCategory = new EntitySchema<EventCategoryEntity>({
  name: 'EventCategory',
  tableName: 'event_category',
  columns: {
    name: { type: 'varchar', length: 32, primary: true },
    categoryClass: { name: 'category_class', type: 'varchar', length: 16 },
    active: { type: 'boolean', default: true },
    sortOrder: { name: 'sort_order', type: 'int', default: 0 },
    normalRegisterMinutes: minutes('normal_register_minutes'),
    normalAcceptMinutes: minutes('normal_accept_minutes'),
    normalFinishMinutes: minutes('normal_finish_minutes'),
    urgentRegisterMinutes: minutes('urgent_register_minutes'),
    urgentAcceptMinutes: minutes('urgent_accept_minutes'),
    urgentFinishMinutes: minutes('urgent_finish_minutes'),
  },
});
